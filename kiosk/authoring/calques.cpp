#include "kiosk/authoring/calques.h"

#include <cctype>
#include <map>

#include "kiosk/authoring/english_fields.h"
#include "kiosk/authoring/toml_fields.h"

namespace kiosk::authoring {
namespace {

namespace fs = std::filesystem;

std::string lower(const std::string& text) {
  std::string out = text;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool word_byte(unsigned char c) {
  return std::isalnum(c) != 0;
}

}  // namespace

size_t find_phrase(const std::string& text, const std::string& phrase) {
  if (phrase.empty()) return std::string::npos;
  std::string haystack = lower(text), needle = lower(phrase);
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
    size_t end = at + needle.size();
    bool starts = at == 0 || !word_byte(static_cast<unsigned char>(haystack[at - 1]));
    bool ends = end == haystack.size() || !word_byte(static_cast<unsigned char>(haystack[end]));
    if (starts && ends) return at;
  }
  return std::string::npos;
}

Calques read_calques(const fs::path& dir, Diagnostics& out) {
  Calques calques;
  if (!fs::exists(dir / calques.file)) return calques;
  auto root = parse_toml_file((dir / calques.file).string(), calques.file, out);
  if (!root) return calques;
  const auto* node = root->get("calque");
  const auto* array = node ? node->as_array() : nullptr;
  if (!array || array->empty()) {
    out.push_back({calques.file, 0, "no [[calque]] defined"});
    return calques;
  }
  std::map<std::string, int> first_line;
  for (const auto& element : *array) {
    const auto* table = element.as_table();
    if (!table) {
      out.push_back({calques.file, static_cast<int>(element.source().begin.line), "calque: entry must be a table"});
      continue;
    }
    FieldReader f(*table, calques.file, out);
    Calque calque{f.required_string("phrase"), f.required_string("reason"), f.required_string("suggest"), f.line()};
    f.check_no_unknown({"phrase", "reason", "suggest"});
    if (calque.phrase.empty()) continue;
    if (auto [it, added] = first_line.emplace(lower(calque.phrase), calque.line); !added) {
      f.problem("phrase",
                "duplicate phrase '" + calque.phrase + "' (first at line " + std::to_string(it->second) + ")");
      continue;
    }
    calques.phrases.push_back(calque);
  }
  return calques;
}

void check_calques(const Calques& calques, const Sources& sources, Diagnostics& out) {
  const std::string* last = nullptr;  // the quote's pair repeats body_en: report each text once
  for (const auto& field : english_fields(sources)) {
    if (field.en == last) continue;
    last = field.en;
    for (const auto& calque : calques.phrases)
      if (auto at = find_phrase(*field.en, calque.phrase); at != std::string::npos)
        out.push_back({field.at.file, field.at.line,
                       field.what + ": “" + field.en->substr(at, calque.phrase.size()) + "” is a calque (" +
                           calque.reason + "); instead, " + calque.suggest + " (" + calques.file + ":" +
                           std::to_string(calque.line) + ")"});
  }
}

}  // namespace kiosk::authoring
