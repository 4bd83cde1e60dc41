#include <ctime>
#include <iostream>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/content/sha256.h"
#include "kiosk/text/utf8.h"
#include "kiosk/tools/commands.h"
#include "kiosk/tools/json.h"

namespace kiosk::tools {
namespace {

// An operator reads a date, not seconds since 1970: ISO 8601 in UTC, as the history.
std::string utc_time(int64_t epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  char text[40];
  if (!::gmtime_r(&t, &tm) || std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
    return std::to_string(epoch) + " (not a date)";
  return text;
}

}  // namespace

int cmd_info(const Args& args) {
  std::string file;
  bool json = false;
  for (const auto& arg : args) {
    if (arg == "--json")
      json = true;
    else if (file.empty())
      file = arg;
    else
      return usage("info: unexpected argument '" + arg + "'");
  }
  if (file.empty()) return usage("info needs one FILE");
  try {
    auto bundle = content::Bundle::open(file);
    const auto& info = bundle.info();
    auto size = std::filesystem::file_size(file);
    auto sha = content::sha256_file_hex(file);
    // Which document the content was checked against: nothing in a version 1 bundle.
    auto document = bundle.source_document();
    std::vector<const char*> tables = {"category", "item", "figure", "landmark", "image", "playlist", "ui_string"};
    // The figures after each lead, from schema 4 on (older bundles have no such table).
    if (bundle.schema_version() >= 4) tables.insert(tables.begin() + 3, "figure_more");
    if (json) {
      std::cout << "{\"id\": " << json_string(info.id) << ", \"version\": " << info.version
                << ", \"title_zh\": " << json_string(info.title.zh) << ", \"title_en\": " << json_string(info.title.en)
                << ", \"schema_version\": " << info.schema_version << ", \"built_at\": " << info.built_at
                << ", \"built_at_utc\": " << json_string(utc_time(info.built_at))
                << ", \"builder_version\": " << json_string(info.builder_version)
                << ", \"source_sha256\": " << (document ? json_string(document->sha256) : std::string("null"))
                << ", \"counts\": {";
      for (size_t i = 0; i < tables.size(); ++i)
        std::cout << (i ? ", " : "") << json_string(tables[i]) << ": " << bundle.count(tables[i]);
      std::cout << "}, \"bytes\": " << size << ", \"sha256\": " << json_string(sha) << "}\n";
      return kExitOk;
    }
    // The bundle's texts are not yet validated: escaped, so that none can forge a line.
    using text::escaped;
    std::cout << "id: " << escaped(info.id) << "\nversion: " << info.version << "\ntitle: " << escaped(info.title.zh)
              << " / " << escaped(info.title.en) << "\nsource: " << escaped(info.source_title.zh) << " ("
              << escaped(info.source_date) << ")"
              << "\nschema: " << info.schema_version << "\nbuilt: " << utc_time(info.built_at) << " by kioskctl "
              << escaped(info.builder_version) << "\n";
    if (document)
      std::cout << "source document: sha256 " << escaped(document->sha256) << ", report lines " << document->first_line
                << "-" << document->last_line << "\n";
    else
      std::cout << "source document: none (schema version " << bundle.schema_version() << ")\n";
    for (const char* table : tables) std::cout << table << ": " << bundle.count(table) << "\n";
    std::cout << "bytes: " << size << "\nsha256: " << sha << "\n";
    return kExitOk;
  } catch (const content::BundleError& e) {
    std::cerr << "kioskctl: " << e.what() << "\n";
    return kExitBadFile;
  }
}

}  // namespace kiosk::tools
