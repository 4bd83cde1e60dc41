#include "kiosk/content/validate.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <set>

#include "kiosk/base/parallel.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/district.h"
#include "kiosk/content/fidelity.h"
#include "kiosk/content/formats.h"
#include "kiosk/content/freetype_face.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/shown_texts.h"
#include "kiosk/content/type_scale.h"
#include "kiosk/content/ui_keys.h"
#include "kiosk/text/utf8.h"

namespace kiosk::content {
namespace {

// The rule of every text column of the schema. Body-like texts may hold line breaks and
// tabs; no text may hold another C0 control character or DEL (a NUL cuts the text short
// where the kiosk hands it to C APIs).
constexpr size_t kBody = 0;  // the limit is BundleLimits::max_text_bytes
constexpr size_t kId = 64, kWord = 16, kLine = 512, kLong = 2048;
constexpr size_t kDocument = 4 * 1024 * 1024;  // the source document: a whole report

constexpr TextRule kTextRules[] = {
    {"bundle", "id", kId, TextFormat::Id, false},
    {"bundle", "title_zh", kLine, TextFormat::Text, false},
    {"bundle", "title_en", kLine, TextFormat::Text, false},
    {"bundle", "source_title_zh", kLong, TextFormat::Text, false},
    {"bundle", "source_title_en", kLong, TextFormat::Text, false},
    {"bundle", "source_date", 10, TextFormat::Date, false},
    {"bundle", "source_issuer_zh", kLine, TextFormat::Text, false},
    {"bundle", "source_issuer_en", kLine, TextFormat::Text, false},
    {"bundle", "builder_version", kId, TextFormat::Text, false},
    {"category", "id", kId, TextFormat::Id, false},
    {"category", "title_zh", kLine, TextFormat::Text, false},
    {"category", "title_en", kLine, TextFormat::Text, false},
    {"category", "accent", kWord, TextFormat::Colour, false},
    {"category", "icon", kWord, TextFormat::Icon, false},
    {"image", "id", kId, TextFormat::Id, false},
    {"image", "mime", kWord, TextFormat::Mime, false},
    {"image", "sha256", 64, TextFormat::Sha256, false},
    {"image", "alt_zh", kLong, TextFormat::Text, false},
    {"image", "alt_en", kLong, TextFormat::Text, false},
    {"image", "credit", kLong, TextFormat::Text, false},
    {"image", "licence", kLong, TextFormat::Text, false},
    {"item", "id", kId, TextFormat::Id, false},
    {"item", "category_id", kId, TextFormat::Id, false},
    {"item", "kind", kWord, TextFormat::Text, false},
    {"item", "title_zh", kLine, TextFormat::Text, false},
    {"item", "title_en", kLine, TextFormat::Text, false},
    {"item", "summary_zh", kBody, TextFormat::Text, true},
    {"item", "summary_en", kBody, TextFormat::Text, true},
    {"item", "body_zh", kBody, TextFormat::Text, true},
    {"item", "body_en", kBody, TextFormat::Text, true},
    {"item", "quote_zh", kBody, TextFormat::Text, true},
    {"item", "section_zh", kLine, TextFormat::Text, false},
    {"item", "section_en", kLine, TextFormat::Text, false},
    {"item", "image_id", kId, TextFormat::Id, false},
    {"figure", "item_id", kId, TextFormat::Id, false},
    {"figure", "display_zh", kLine, TextFormat::Text, false},
    {"figure", "unit_zh", kLine, TextFormat::Text, false},
    {"figure", "qualifier", kWord, TextFormat::Text, false},
    {"figure", "direction", kWord, TextFormat::Text, false},
    {"figure", "display_en", kLine, TextFormat::Text, false},
    {"figure_more", "item_id", kId, TextFormat::Id, false},
    {"figure_more", "display_zh", kLine, TextFormat::Text, false},
    {"figure_more", "unit_zh", kLine, TextFormat::Text, false},
    {"figure_more", "qualifier", kWord, TextFormat::Text, false},
    {"figure_more", "direction", kWord, TextFormat::Text, false},
    {"figure_more", "display_en", kLine, TextFormat::Text, false},
    {"figure_more", "label_zh", kLine, TextFormat::Text, false},
    {"figure_more", "label_en", kLine, TextFormat::Text, false},
    {"original", "item_id", kId, TextFormat::Id, false},
    {"original", "text_zh", kBody, TextFormat::Text, true},
    {"landmark", "item_id", kId, TextFormat::Id, false},
    {"landmark", "address_zh", kLong, TextFormat::Text, false},
    {"landmark", "address_en", kLong, TextFormat::Text, false},
    {"landmark_reference", "item_id", kId, TextFormat::Id, false},
    {"landmark_reference", "source_zh", kLong, TextFormat::Text, false},
    {"landmark_reference", "source_en", kLong, TextFormat::Text, false},
    {"district_map", "image_id", kId, TextFormat::Id, false},
    {"district_map", "source_zh", kLong, TextFormat::Text, false},
    {"district_map", "source_en", kLong, TextFormat::Text, false},
    {"font", "role", kWord, TextFormat::Text, false},
    {"font", "family", kLine, TextFormat::Text, false},
    {"font", "sha256", 64, TextFormat::Sha256, false},
    {"ui_string", "key", kId, TextFormat::UiKey, false},
    {"ui_string", "zh", kLong, TextFormat::Text, true},
    {"ui_string", "en", kLong, TextFormat::Text, true},
    {"playlist", "item_id", kId, TextFormat::Id, false},
    {"playlist", "transition", kWord, TextFormat::Text, false},
    {"playlist", "date_from", 10, TextFormat::Date, false},
    {"playlist", "date_to", 10, TextFormat::Date, false},
    {"playlist", "time_from", 5, TextFormat::Time, false},
    {"playlist", "time_to", 5, TextFormat::Time, false},
    {"source", "sha256", 64, TextFormat::Sha256, false},
    {"source", "text", kDocument, TextFormat::Text, true},
};

// A column the table above does not know (a test keeps there being none) is still checked,
// as a body text.
constexpr TextRule kUnknownColumn = {"", "", kBody, TextFormat::Text, true};

// The column naming a table's rows in problems; playlist rows are named by their rowid,
// and the source document has one row.
const char* key_column(std::string_view table) {
  if (table == "figure" || table == "figure_more" || table == "original" || table == "landmark" ||
      table == "landmark_reference")
    return "item_id";
  if (table == "font") return "role";
  if (table == "ui_string") return "key";
  if (table == "playlist" || table == "source" || table == "district_map") return nullptr;
  return "id";
}

// Where a fidelity problem stands in the bundle: the table, row and column of the field
// that the sources name `field`.
std::string fidelity_place(const std::string& id, const std::string& field) {
  static const std::pair<std::string_view, std::string_view> figure_columns[] = {{"figure.display", "display_zh"},
                                                                                 {"figure.display_en", "display_en"},
                                                                                 {"figure.value", "value"},
                                                                                 {"figure.unit", "unit_zh"},
                                                                                 {"figure.qualifier", "qualifier"}};
  for (const auto& [name, column] : figure_columns)
    if (field == name) return "figure '" + id + "' " + std::string(column);
  // "more_figures[2].display" is figure_more row (id, 2); its columns are the figure's.
  if (field.rfind("more_figures[", 0) == 0) {
    size_t close = field.find(']');
    std::string ord = field.substr(13, close - 13), rest = field.substr(close + 1);
    for (const auto& [name, column] : figure_columns)
      if ("figure" + rest == name) return "figure_more '" + id + "' " + ord + " " + std::string(column);
    return "figure_more '" + id + "' " + ord + " " + (rest.empty() ? rest : rest.substr(1));
  }
  if (field == "original") return "original '" + id + "' text_zh";
  return "item '" + id + "' " + (field == "quote" ? std::string("quote_zh") : field);
}

std::string hex_code_point(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

// Byte offset and value of the first control character a text may not hold.
std::optional<std::pair<size_t, char32_t>> find_control(std::string_view text, bool multiline) {
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && !(multiline && (c == '\n' || c == '\t'))) || c == 0x7F) return std::pair{i, char32_t{c}};
  }
  return std::nullopt;
}

// Why `value` does not have `format`, or empty when it does.
std::string format_problem(TextFormat format, std::string_view value) {
  std::string quoted = "'" + std::string(value) + "'";
  switch (format) {
    case TextFormat::Text: return {};
    case TextFormat::Id: return valid_id(value) ? "" : quoted + " is not an id of a-z, 0-9 and '-'";
    case TextFormat::UiKey: return valid_ui_key(value) ? "" : quoted + " is not a key of a-z, 0-9 and '_'";
    case TextFormat::Date: return valid_date(value) ? "" : quoted + " is not a date YYYY-MM-DD";
    case TextFormat::Time: return valid_time(value) ? "" : quoted + " is not a time HH:MM";
    case TextFormat::Colour: return valid_colour(value) ? "" : quoted + " is not #RRGGBB";
    case TextFormat::Sha256: return valid_sha256(value) ? "" : quoted + " is not 64 lowercase hex digits";
    case TextFormat::Mime:
      return value == "image/png" || value == "image/jpeg" ? "" : quoted + " is not image/png or image/jpeg";
    case TextFormat::Icon: {
      if (category_icon(value)) return {};
      std::string names;
      for (auto name : kCategoryIconNames) names += (names.empty() ? "" : ", ") + std::string(name);
      return quoted + " is not an icon the kiosk draws (" + names + ")";
    }
  }
  return {};
}

// Reads text and blob values through SQLite's incremental I/O, which learns a value's
// size from its record header: a 30 MB value is measured, never loaded, to be refused.
class ValueReader {
 public:
  ValueReader(sqlite3* db, const std::string& table, const std::string& column)
      : db_(db), table_(table), column_(column) {}
  ~ValueReader() { close(); }
  ValueReader(const ValueReader&) = delete;
  ValueReader& operator=(const ValueReader&) = delete;

  // The size of the value in row `rowid`, which must be text or blob.
  std::optional<size_t> size(int64_t rowid) {
    int rc = blob_ ? sqlite3_blob_reopen(blob_, rowid) : SQLITE_ERROR;
    if (rc != SQLITE_OK) {
      close();
      rc = sqlite3_blob_open(db_, "main", table_.c_str(), column_.c_str(), rowid, 0, &blob_);
    }
    if (rc != SQLITE_OK) {
      close();
      return std::nullopt;
    }
    return static_cast<size_t>(sqlite3_blob_bytes(blob_));
  }
  // The bytes of the row last measured.
  std::optional<std::string> read(size_t bytes) {
    std::string out(bytes, '\0');
    if (bytes && sqlite3_blob_read(blob_, out.data(), static_cast<int>(bytes), 0) != SQLITE_OK) return std::nullopt;
    return out;
  }

 private:
  void close() {
    if (blob_) sqlite3_blob_close(blob_);
    blob_ = nullptr;
  }
  sqlite3* db_;
  std::string table_, column_;
  sqlite3_blob* blob_ = nullptr;
};

// A space or an invisible format character, which legitimately draws no ink.
bool inkless(char32_t c) {
  return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         (c >= 0x205F && c <= 0x2064) || c == 0x3000 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
}

class Validator {
 public:
  Validator(const std::filesystem::path& path, const BundleLimits& limits, std::string_view report_sha256)
      : path_(path), limits_(limits), report_sha256_(report_sha256) {}

  std::vector<std::string> run() {
    std::optional<Bundle> bundle;
    try {
      bundle.emplace(Bundle::open(path_));
    } catch (const BundleError& e) {
      return {e.what()};
    }
    Database& db = bundle->database();
    try {
      check_integrity();
      check_numbers(db);
      if (!problems_.empty()) return problems_;
      check_counts(*bundle);
      check_texts(db);
      const bool texts_readable = problems_.empty();
      check_images(db);
      check_fonts(db);
      check_references(db, bundle->schema_version());
      if (bundle->schema_version() >= 3) check_places(*bundle, db);
      const bool sound = problems_.empty();
      if (texts_readable) check_fidelity(*bundle, db);
      // Only texts that passed their checks are read whole, to check their glyphs.
      if (sound) check_glyphs(db);
    } catch (const SqliteError& e) {
      problem(std::string("cannot read: ") + e.what());
    }
    return problems_;
  }

 private:
  void problem(const std::string& what) { problems_.push_back(path_.string() + ": " + what); }

  // On a read-only connection SQLite's integrity_check skips the CHECK constraints, and a
  // file written with ignore_check_constraints can break every one of them (a kind
  // 'alien', a version -1: the attacker review). So the check runs on a writable copy of
  // the file in memory, configured as defensively as the file's own connection. The copy
  // is the project's own buffer, outside SQLite's heap limit, which the largest bundle
  // allowed would reach on its own.
  void check_integrity() {
    std::vector<unsigned char> bytes;
    {
      std::ifstream in(path_, std::ios::binary | std::ios::ate);
      const std::streamoff length = in ? static_cast<std::streamoff>(in.tellg()) : -1;
      if (length > 0) {
        bytes.resize(static_cast<size_t>(length));
        in.seekg(0);
        in.read(reinterpret_cast<char*>(bytes.data()), length);
      }
      if (length <= 0 || !in) return problem("integrity: cannot be read again to be checked");
    }
    const auto size = static_cast<sqlite3_int64>(bytes.size());
    Database copy(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);  // destroyed before `bytes`
    copy.configure(SQLITE_DBCONFIG_DEFENSIVE, true);
    copy.configure(SQLITE_DBCONFIG_TRUSTED_SCHEMA, false);
    copy.configure(SQLITE_DBCONFIG_ENABLE_TRIGGER, false);
    copy.configure(SQLITE_DBCONFIG_ENABLE_VIEW, false);
    if (sqlite3_deserialize(copy.handle(), "main", bytes.data(), size, size, 0) != SQLITE_OK)
      return problem("integrity: the bundle's copy in memory cannot be opened");
    auto s = copy.prepare("PRAGMA integrity_check");
    while (s.step())
      if (s.text(0) != "ok") problem("integrity: " + s.text(0));
  }

  // Every table of the bundle's own schema, and each one's columns with their declared
  // types (upper case), so that no column goes unchecked.
  static std::vector<std::string> table_names(Database& db) {
    std::vector<std::string> tables;
    auto t = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (t.step()) tables.push_back(t.text(0));
    return tables;
  }
  static std::vector<std::pair<std::string, std::string>> columns_of(Database& db, const std::string& table) {
    std::vector<std::pair<std::string, std::string>> columns;
    auto c = db.prepare("SELECT name, upper(type) FROM pragma_table_info(?1)");
    c.bind(1, table);
    while (c.step()) columns.emplace_back(c.text(0), c.text(1));
    return columns;
  }

  // A name from the bundle's schema as an SQL identifier: in double quotes, its own doubled.
  static std::string sql_name(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  }

  // SQLite stores any value in any column: an INTEGER column may hold 'abc', which even
  // passes CHECK (version > 0), and a REAL one infinity. Every numeric column holds numbers
  // of its kind, finite ones.
  void check_numbers(Database& db) {
    for (const auto& table : table_names(db)) {
      for (const auto& [column, type] : columns_of(db, table)) {
        if (type != "INTEGER" && type != "REAL") continue;
        const std::string q = sql_name(column);
        const std::string wrong = type == "INTEGER" ? "typeof(" + q + ") NOT IN ('integer', 'null')"
                                                    : "typeof(" + q + ") NOT IN ('integer', 'real', 'null') OR abs(" +
                                                          q + ") > 1.7976931348623157e308 OR " + q + " != " + q;
        auto bad =
            db.prepare("SELECT rowid, typeof(" + q + ") FROM " + sql_name(table) + " WHERE " + wrong + " LIMIT 1");
        if (bad.step())
          problem(table + " row " + std::to_string(bad.integer(0)) + ": " + column + " holds a " + bad.text(1) +
                  (bad.text(1) == "real" ? " that is not finite" : "") + "; it must be " +
                  (type == "INTEGER" ? "a whole number" : "a finite number"));
      }
    }
  }

  void check_counts(const Bundle& bundle) {
    if (bundle.count("item") > limits_.max_items)
      problem("has " + std::to_string(bundle.count("item")) + " items; the limit is " +
              std::to_string(limits_.max_items));
    if (bundle.count("image") > limits_.max_images)
      problem("has " + std::to_string(bundle.count("image")) + " images; the limit is " +
              std::to_string(limits_.max_images));
    if (bundle.count("category") == 0) problem("has no categories");
  }

  // Every TEXT column of every table, as the bundle's own schema lists them, so that no
  // column goes unchecked: its size first (without loading the value), then UTF-8,
  // control characters and the column's format.
  void check_texts(Database& db) {
    for (const auto& table : table_names(db)) {
      std::map<int64_t, std::string> names;
      for (const auto& [column, type] : columns_of(db, table)) {
        if (type != "TEXT") continue;
        if (names.empty()) names = row_names(db, table);
        const TextRule* rule = text_rule(table, column);
        check_column(db, table, column, rule ? *rule : kUnknownColumn, names);
      }
    }
  }

  // "category 'wellbeing'" for each row, or "category row 3" when its key cannot be shown.
  std::map<int64_t, std::string> row_names(Database& db, const std::string& table) {
    std::map<int64_t, std::string> names;
    const char* key = key_column(table);
    auto s = db.prepare("SELECT rowid, " + (key ? "typeof(\"" + std::string(key) + "\")" : std::string("''")) +
                        " FROM \"" + table + "\"");
    std::optional<ValueReader> reader;
    if (key) reader.emplace(db.handle(), table, key);
    while (s.step()) {
      int64_t rowid = s.integer(0);
      std::string name = table + " row " + std::to_string(rowid);
      if (!key) {
        name = table == "source"         ? std::string("source document")
               : table == "district_map" ? std::string("district map")
                                         : table + " 'slide " + std::to_string(rowid) + "'";
      } else if (auto type = s.text(1); type == "text" || type == "blob") {
        auto size = reader->size(rowid);
        auto value = size && *size <= kId ? reader->read(*size) : std::nullopt;
        if (value && !value->empty() && !text::find_invalid(*value) && !find_control(*value, false))
          name = table + " '" + *value + "'";
      }
      names.emplace(rowid, std::move(name));
    }
    return names;
  }

  void check_column(Database& db, const std::string& table, const std::string& column, const TextRule& rule,
                    const std::map<int64_t, std::string>& names) {
    const size_t limit = rule.max_bytes == kBody ? limits_.max_text_bytes : rule.max_bytes;
    auto s = db.prepare("SELECT rowid, typeof(\"" + column + "\") FROM \"" + table + "\"");
    ValueReader reader(db.handle(), table, column);
    while (s.step()) {
      int64_t rowid = s.integer(0);
      auto type = s.text(1);
      if (type != "text" && type != "blob") continue;  // NULL where allowed; TEXT affinity makes numbers text
      auto name = names.find(rowid);
      std::string where = (name != names.end() ? name->second : table + " row " + std::to_string(rowid)) + " " + column;
      auto size = reader.size(rowid);
      if (!size) {
        problem(where + ": cannot be read");
        continue;
      }
      if (*size > limit) {
        problem(where + ": " + std::to_string(*size) + " bytes; the limit is " + std::to_string(limit));
        continue;
      }
      auto value = reader.read(*size);
      if (!value) {
        problem(where + ": cannot be read");
        continue;
      }
      if (auto bad = text::find_invalid(*value)) {
        problem(where + ": not valid UTF-8 at byte " + std::to_string(*bad));
        continue;
      }
      if (auto control = find_control(*value, rule.multiline)) {
        problem(where + ": the control character " + hex_code_point(control->second) + " at byte " +
                std::to_string(control->first) +
                (rule.multiline ? " (only line breaks and tabs may be in this text)" : ""));
        continue;
      }
      if (auto why = format_problem(rule.format, *value); !why.empty()) problem(where + ": " + why);
    }
  }

  // Decoding every picture is most of an install's time; the pictures are independent,
  // so they are checked on every core, and the problems reported in bundle order.
  void check_images(Database& db) {
    struct Job {
      std::string id, sha256, mime;
      int64_t width, height;
      std::vector<uint8_t> bytes;
      std::string problem;
    };
    std::vector<Job> jobs;
    auto s = db.prepare("SELECT id, width, height, length(bytes), sha256, mime FROM image ORDER BY id");
    while (s.step()) {
      std::string id = s.text(0);
      if (static_cast<size_t>(s.integer(3)) > limits_.max_image_bytes) {
        problem("image '" + id + "': " + std::to_string(s.integer(3)) + " bytes; the limit is " +
                std::to_string(limits_.max_image_bytes));
        continue;
      }
      auto bytes = db.prepare("SELECT bytes FROM image WHERE id = ?1");
      bytes.bind(1, id);
      bytes.step();
      jobs.push_back({id, s.text(4), s.text(5), s.integer(1), s.integer(2), bytes.blob(0), {}});
    }
    base::for_each_in_parallel(jobs.size(), [&](size_t i) {
      check_image(jobs[i].id, jobs[i].sha256, jobs[i].mime, jobs[i].width, jobs[i].height, jobs[i].bytes,
                  jobs[i].problem);
    });
    for (const auto& job : jobs)
      if (!job.problem.empty()) problem(job.problem);
  }

  static void check_image(const std::string& id, const std::string& sha256, const std::string& mime, int64_t width,
                          int64_t height, const std::vector<uint8_t>& bytes, std::string& out) {
    if (sha256_hex(bytes) != sha256) {
      out = "image '" + id + "': its bytes do not match their recorded sha256 (damaged)";
      return;
    }
    std::string reason;
    auto decoded = decode_image(bytes, reason);
    if (!decoded) {
      out = "image '" + id + "': " + reason;
      return;
    }
    std::string sniffed = probe_image(bytes, reason)->mime;  // decode_image probed it already
    if (sniffed != mime) {
      out = "image '" + id + "': recorded as " + mime + ", but its bytes are " + sniffed;
      return;
    }
    if (decoded->width != width || decoded->height != height)
      out = "image '" + id + "': is " + std::to_string(decoded->width) + "x" + std::to_string(decoded->height) +
            ", not the " + std::to_string(width) + "x" + std::to_string(height) + " recorded";
  }

  void check_fonts(Database& db) {
    std::set<std::string> roles;
    auto s = db.prepare("SELECT role, bytes, sha256 FROM font");
    while (s.step()) {
      roles.insert(s.text(0));
      auto bytes = s.blob(1);
      std::string reason;
      if (bytes.size() > limits_.max_font_bytes)
        problem("font '" + s.text(0) + "': " + std::to_string(bytes.size()) + " bytes; the limit is " +
                std::to_string(limits_.max_font_bytes));
      else if (sha256_hex(bytes) != s.text(2))
        problem("font '" + s.text(0) + "': its bytes do not match their recorded sha256 (damaged)");
      else if (!font_renders(bytes, reason))
        problem("font '" + s.text(0) + "': " + reason);
      else if (s.text(0) == "regular" || s.text(0) == "bold")
        fonts_[s.text(0) == "bold"] = std::move(bytes);
    }
    for (const char* role : {"regular", "bold"})
      if (!roles.count(role)) problem(std::string("font '") + role + "': missing");
  }

  // Every character a font draws, at every size the kiosk bakes it (both text sizes, at
  // each of kCheckedScales), is rasterised as the kiosk does it; a character the font
  // lacks, or whose glyph does not render or renders no ink, is named with one row using it.
  void check_glyphs(Database& db) {
    // Each role's sizes, as bits of kSizes.
    std::vector<int> sizes;
    std::array<uint64_t, kAllRoles.size()> role_bits{};
    for (Role role : kAllRoles)
      for (bool large : {false, true})
        for (float scale : kCheckedScales) {
          int px = static_cast<int>(std::lround(role_size(role, large) * scale));
          auto at = std::find(sizes.begin(), sizes.end(), px);
          if (at == sizes.end()) at = sizes.insert(sizes.end(), px);
          role_bits[static_cast<size_t>(role)] |= uint64_t{1} << (at - sizes.begin());
        }
    struct Need {
      uint64_t sizes = 0;
      std::string place;
    };
    std::array<std::map<char32_t, Need>, 2> needs;  // regular, bold
    for_each_shown_text(db, [&](Role role, std::string_view text, const TextPlace& place) {
      auto& font = needs[role_is_bold(role)];
      uint64_t bits = role_bits[static_cast<size_t>(role)];
      auto add = [&](char32_t c) {
        auto [it, inserted] = font.try_emplace(c);
        if (inserted)
          it->second.place = place.row.empty() ? std::string(place.table)
                                               : std::string(place.table) + " '" + std::string(place.row) + "' " +
                                                     std::string(place.column);
        it->second.sizes |= bits;
      };
      for (size_t pos = 0; pos < text.size();) {
        char32_t c = text::decode_next(text, pos);
        if (c >= 0x20 && c != 0x7F && c != text::kReplacement) add(c);
      }
      add(0x2026);  // … ends every text that does not fit
    });
    struct Job {
      int font;
      int size;
      char32_t c;
      std::string problem;
    };
    std::vector<Job> jobs;
    for (int font : {0, 1})
      for (size_t bit = 0; bit < sizes.size(); ++bit)
        for (const auto& [c, need] : needs[static_cast<size_t>(font)])
          if (need.sizes & (uint64_t{1} << bit)) jobs.push_back({font, sizes[bit], c, {}});
    // In runs of one font and size, each run with its own FreeType faces.
    constexpr size_t kRun = 512;
    base::for_each_in_parallel((jobs.size() + kRun - 1) / kRun, [&](size_t run) {
      std::array<FreeTypeFace, 2> faces;
      std::array<int, 2> sized{0, 0};
      for (size_t i = run * kRun; i < std::min(jobs.size(), (run + 1) * kRun); ++i) {
        auto& job = jobs[i];
        auto& ft = faces[static_cast<size_t>(job.font)];
        if (!ft.face && !ft.open(fonts_[static_cast<size_t>(job.font)])) {
          job.problem = "FreeType cannot read the font";
          continue;
        }
        auto& size = sized[static_cast<size_t>(job.font)];
        if (size != job.size && !ft.set_height(static_cast<FT_Long>(job.size) * 64)) {
          job.problem = "the font cannot be set at this size";
          continue;
        }
        size = job.size;
        job.problem = glyph_problem(ft.face, job.c, job.size);
      }
    });
    // One problem per character, at its smallest failing size, and at most a page per font.
    constexpr size_t kShown = 20;
    for (int font : {0, 1}) {
      const char* role = font ? "bold" : "regular";
      std::map<char32_t, const Job*> failed;
      for (const auto& job : jobs)
        if (job.font == font && !job.problem.empty()) {
          auto [it, inserted] = failed.try_emplace(job.c, &job);
          if (!inserted && job.size < it->second->size) it->second = &job;
        }
      size_t shown = 0;
      for (const auto& [c, job] : failed) {
        if (shown++ == kShown) {
          problem("font '" + std::string(role) + "': and " + std::to_string(failed.size() - kShown) +
                  " more characters it cannot draw");
          break;
        }
        problem("font '" + std::string(role) + "': cannot draw " + hex_code_point(c) + " '" + text::encode(c) +
                "' at " + std::to_string(job->size) + " px: " + job->problem + "; used by " +
                needs[static_cast<size_t>(font)][c].place);
      }
    }
  }

  static std::string glyph_problem(FT_Face face, char32_t c, int size) {
    FT_UInt index = FT_Get_Char_Index(face, c);
    if (index == 0) return "the font has no glyph for it";
    if (FT_Load_Glyph(face, index, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT) != 0)
      return "its glyph does not load (damaged)";
    const FT_GlyphSlot slot = face->glyph;
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE || FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0 ||
        slot->bitmap.pixel_mode != FT_PIXEL_MODE_GRAY)
      return "its glyph does not rasterise (damaged)";
    const FT_Bitmap& bitmap = slot->bitmap;
    const bool too_large =
        static_cast<float>(size) <= kLargestBuilderGlyphPx
            ? static_cast<uint64_t>(bitmap.width) * bitmap.rows > 65536
            : bitmap.width > 4u * static_cast<unsigned>(size) || bitmap.rows > 4u * static_cast<unsigned>(size);
    if (too_large) return "its glyph is far larger than its size (damaged)";
    if (inkless(c)) return {};
    for (unsigned y = 0; y < bitmap.rows; ++y) {
      const unsigned char* row = bitmap.buffer + static_cast<ptrdiff_t>(y) * bitmap.pitch;
      for (unsigned x = 0; x < bitmap.width; ++x)
        if (row[x]) return {};
    }
    return "its glyph draws nothing (damaged)";
  }

  // The content against the source document the bundle carries, as the builder checked
  // it against the sources' copy: a bundle built elsewhere, or changed after its build, is
  // held to the same report.
  void check_fidelity(const Bundle& bundle, Database& db) {
    if (bundle.schema_version() < 2) {
      problem("schema version " + std::to_string(bundle.schema_version()) +
              " carries no source document, so its content cannot be checked against the report; rebuild it");
      return;
    }
    std::optional<SourceDocument> document;
    try {
      document = bundle.source_document();
    } catch (const BundleError& e) {
      problems_.push_back(e.what());
      return;
    }
    std::string actual = sha256_hex(std::vector<uint8_t>(document->text.begin(), document->text.end()));
    if (actual != document->sha256)
      problem("source document: its text has sha256 " + actual + ", not the " + document->sha256 +
              " recorded with it (changed after the build)");
    if (!report_sha256_.empty() && actual != report_sha256_)
      problem("source document: the report it carries has sha256 " + actual + ", not " + std::string(report_sha256_) +
              ", the report it must be built from");
    if (auto why = line_range_problem(*document); !why.empty()) {
      problem("source document: " + why);
      return;
    }
    FidelityCheck fidelity(*document);
    for (const auto& item : bundle.items())
      for (const auto& p : fidelity.check(item))
        problem(fidelity_place(item.id, p.field) + ": " + p.reason +
                (p.nearest.empty() ? "" : "; nearest in the source: " + p.nearest));
    std::set<std::string> seen;
    for_each_shown_text(db, [&](Role, std::string_view text, const TextPlace& place) {
      std::string where = std::string(place.table) + " '" + std::string(place.row) + "' " + std::string(place.column);
      if (place.row.empty() || !seen.insert(where).second) return;
      if (auto found = fidelity.wrapper_in(text); !found.empty())
        problem(where + ": carries the web page's text " + found + ", which is not the report's");
    });
  }

  // The landmarks' places and the map are reference data, outside the fidelity check: the
  // builder's rules again (every landmark in the district, with its source; a usable frame).
  void check_places(const Bundle& bundle, Database& db) {
    dangling_rows(db,
                  "SELECT item_id, item_id FROM landmark_reference WHERE item_id NOT IN (SELECT item_id FROM landmark)",
                  "landmark_reference");
    dangling_rows(db, "SELECT 'map', image_id FROM district_map WHERE image_id NOT IN (SELECT id FROM image)",
                  "district_map");
    auto l = db.prepare(
        "SELECT i.id, l.lat, l.lon, r.item_id FROM item i LEFT JOIN landmark l ON l.item_id = i.id"
        " LEFT JOIN landmark_reference r ON r.item_id = i.id WHERE i.kind = 'landmark'");
    while (l.step()) {
      std::string where = "landmark '" + l.text(0) + "'";
      if (l.is_null(1) || l.is_null(2))
        problem(where + ": no coordinates (lat, lon)");
      else if (!kHepingBox.contains(l.real(1), l.real(2)))
        problem(where + ": " + coordinates_text(l.real(1), l.real(2)) + " lies outside Heping District");
      if (l.is_null(3)) problem(where + ": no source for its address and coordinates (landmark_reference)");
    }
    std::optional<DistrictMap> map;
    try {
      map = bundle.district_map();
    } catch (const BundleError& e) {
      problems_.push_back(e.what());
      return;
    }
    if (map)
      if (auto why = map_frame_problem(*map); !why.empty()) problem("district map: " + why);
  }

  void dangling_rows(Database& db, const std::string& sql, const std::string& what) {
    auto s = db.prepare(sql);
    while (s.step()) problem(what + " '" + s.text(0) + "' refers to '" + s.text(1) + "', which does not exist");
  }

  void check_references(Database& db, int schema_version) {
    auto dangling = [&](const std::string& sql, const std::string& what) {
      auto s = db.prepare(sql);
      while (s.step()) problem(what + " '" + s.text(0) + "' refers to '" + s.text(1) + "', which does not exist");
    };
    dangling("SELECT 'slide ' || ord, item_id FROM playlist WHERE item_id NOT IN (SELECT id FROM item)", "playlist");
    dangling("SELECT id, category_id FROM item WHERE category_id NOT IN (SELECT id FROM category)", "item");
    dangling("SELECT id, image_id FROM item WHERE image_id IS NOT NULL AND image_id NOT IN (SELECT id FROM image)",
             "item");
    dangling("SELECT item_id, item_id FROM figure WHERE item_id NOT IN (SELECT id FROM item)", "figure");
    auto figures = db.prepare("SELECT id FROM item WHERE kind = 'figure' AND id NOT IN (SELECT item_id FROM figure)");
    while (figures.step()) problem("item '" + figures.text(0) + "' is a figure without its figure row");
    if (schema_version >= 4) {
      dangling(
          "SELECT item_id || ' ' || ord, item_id FROM figure_more WHERE item_id NOT IN (SELECT item_id FROM figure)",
          "figure_more");
      dangling("SELECT item_id, item_id FROM original WHERE item_id NOT IN (SELECT id FROM item)", "original");
      // Every item's page offers its 原文; the builder derives one for each.
      auto bare = db.prepare("SELECT id FROM item WHERE id NOT IN (SELECT item_id FROM original)");
      while (bare.step()) problem("item '" + bare.text(0) + "' has no 原文 (original row)");
    }
    std::set<std::string> keys;
    auto ui = db.prepare("SELECT key FROM ui_string");
    while (ui.step()) keys.insert(ui.text(0));
    for (auto key : kRequiredUiKeys)
      if (!keys.count(std::string(key))) problem("ui string '" + std::string(key) + "': missing");
  }

  std::filesystem::path path_;
  BundleLimits limits_;
  std::string_view report_sha256_;
  std::vector<std::string> problems_;
  std::array<std::vector<uint8_t>, 2> fonts_;  // regular, bold: those that passed their checks
};

}  // namespace

bool font_renders(const std::vector<uint8_t>& bytes, std::string& reason) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) {
    reason = "FreeType cannot start";
    return false;
  }
  FT_Face face = nullptr;
  bool ok = false;
  if (bytes.empty() || FT_New_Memory_Face(library, bytes.data(), static_cast<FT_Long>(bytes.size()), 0, &face) != 0) {
    reason = "FreeType cannot read the font";
  } else if (face->num_glyphs < 2 || FT_Set_Pixel_Sizes(face, 0, 48) != 0) {
    reason = "the font has no usable glyphs";
  } else if (FT_Get_Char_Index(face, '0') == 0 || FT_Load_Char(face, '0', FT_LOAD_RENDER) != 0) {
    reason = "the font cannot render the digit 0";
  } else {
    ok = true;
  }
  if (face) FT_Done_Face(face);
  FT_Done_FreeType(library);
  return ok;
}

const TextRule* text_rule(std::string_view table, std::string_view column) {
  for (const auto& rule : kTextRules)
    if (rule.table == table && rule.column == column) return &rule;
  return nullptr;
}

std::vector<std::string> validate_bundle(const std::filesystem::path& path, const BundleLimits& limits,
                                         std::string_view report_sha256) {
  return Validator(path, limits, report_sha256).run();
}

}  // namespace kiosk::content
