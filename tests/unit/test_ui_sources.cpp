// What the sources promise about interface texts and the bundle, checked by reading them
// (as ImHex's tests/check_langs.py does for its language files):
// - every interface text is named through the typed list in kiosk/content/ui_keys.h,
//   never by a string, and every key of that list is in the report's and the test
//   bundle's ui.toml, in both languages;
// - the ui reads the bundle only through the content layer's model: no SQL in kiosk/ui;
// - the show layer includes nothing of the content layer but its model.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/content/ui_keys.h"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = KIOSK_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Lines of the C++ sources under `dir` that match `pattern`, as "file:line: text".
std::vector<std::string> grep(const fs::path& dir, const std::regex& pattern) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h")) continue;
    std::ifstream in(entry.path());
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      if (std::regex_search(line, pattern))
        found.push_back(entry.path().string() + ":" + std::to_string(number) + ": " + line);
    }
  }
  return found;
}

// An interface text looked up by a string rather than a UiKey: ui("back"),
// strings.find("back"), a UiStrings indexed by a literal.
const std::regex kStringLookup(R"(\bui(_text)?\s*\([^)]*"|strings_?\s*(\.find\s*\(|\.at\s*\(|\[)\s*")");
// SQL, or the database under the bundle.
const std::regex kSql(R"(\b(SELECT|INSERT|UPDATE)\b|\.database\s*\(|\bprepare\s*\(|sqlite3?|kiosk/content/sqlite\.h)");

std::vector<std::string> string_lookups(const fs::path& dir) {
  return grep(dir, kStringLookup);
}

// The keys a ui.toml defines with both a zh and an en text.
std::set<std::string> bilingual_keys(const fs::path& file) {
  static const std::regex line(R"(^([a-z_]+)\s*=\s*\{\s*zh\s*=\s*"[^"]+"\s*,\s*en\s*=\s*"[^"]+"\s*\})");
  std::set<std::string> keys;
  std::istringstream in(read(file));
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (std::regex_search(l, m, line)) keys.insert(m[1]);
  }
  return keys;
}

}  // namespace

TEST_CASE("ui keys: the code names interface texts only through the typed list") {
  for (const char* layer : {"ui", "app", "controller"}) {
    INFO("layer " << layer);
    for (const auto& line : string_lookups(kSource / "kiosk" / layer)) FAIL_CHECK(line);
  }
}

TEST_CASE("ui keys: every key of the list has zh and en in the report's and the test bundle's ui.toml") {
  for (auto file : {kSource / "db/content/ui.toml", kSource / "tests/data/tiny/ui.toml"}) {
    auto keys = bilingual_keys(file);
    INFO(file.string());
    REQUIRE(keys.size() > 20);
    for (auto key : kiosk::content::kRequiredUiKeys)
      if (!keys.count(std::string(key))) FAIL_CHECK("no zh and en text for '" << std::string(key) << "'");
  }
}

TEST_CASE("ui keys: the list has no key twice, and the names follow the enum") {
  std::set<std::string_view> seen;
  for (auto key : kiosk::content::kRequiredUiKeys) CHECK(seen.insert(key).second);
  CHECK(kiosk::content::ui_key_name(kiosk::content::UiKey::frames) == "frames");
  CHECK(kiosk::content::ui_key_name(kiosk::content::UiKey::touch_cue) == "touch_cue");
}

TEST_CASE("ui keys: the scans do catch a text looked up by a string, and SQL") {
  fs::path dir = fs::temp_directory_path() / "kiosk-ui-keys-probe";
  fs::create_directories(dir);
  std::ofstream(dir / "bad.cpp") << "auto a = ctx.ui(\"operator_title\");\n"
                                    "auto b = strings_.find(\"frames\");\n"
                                    "auto c = ctx.ui(UiKey::frames);\n"
                                    "auto d = ui(content::UiKey::touch_cue, lang);\n"
                                    "auto q = bundle.database().prepare(\"SELECT key FROM ui_string\");\n";
  auto lookups = string_lookups(dir);
  auto sql = grep(dir, kSql);
  fs::remove_all(dir);
  CHECK(lookups.size() == 2);
  CHECK(sql.size() == 1);
}

TEST_CASE("ui: reads the bundle only through the content layer, with no SQL of its own") {
  for (const auto& line : grep(kSource / "kiosk/ui", kSql)) FAIL_CHECK(line);
  for (const auto& line : grep(kSource / "kiosk/controller", kSql)) FAIL_CHECK(line);
}

TEST_CASE("show: includes nothing of the content layer but its model") {
  static const std::regex content_include(R"(#\s*include\s*"kiosk/content/(?!model\.h"))");
  for (const auto& line : grep(kSource / "kiosk/show", content_include)) FAIL_CHECK(line);
  // and links no more than that: its CMake target names the model's interface target alone.
  auto cmake = read(kSource / "kiosk/show/CMakeLists.txt");
  CHECK(cmake.find("kiosk_content_model") != std::string::npos);
  CHECK(cmake.find("kiosk_content ") == std::string::npos);
  CHECK(cmake.find("SQLITE") == std::string::npos);
}
