// Every folder under kiosk/ is one layer, and this table says what each may include and
// link: the kiosk layers below it and the outside libraries it uses. A header, a link or
// a folder the table does not list fails the test, so a new dependency is a decision
// (an edit here) rather than an accident. The system headers are on every include path,
// so only reading the sources and the CMake files can enforce it.
//
// A new layer is one row in kLayers; a new outside library is one row in kLibraries.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Layer {
  std::string name;
  std::set<std::string> layers;     // the kiosk layers it may include and link
  std::set<std::string> libraries;  // names from kLibraries
};

// Lowest first, as in docs/architecture.md.
const std::vector<Layer> kLayers = {
    {"base", {}, {}},
    {"config", {"base"}, {"toml++", "ICU"}},
    {"text", {"base"}, {"ICU"}},
    {"content", {"base", "text"}, {"SQLite", "FreeType", "libsodium", "zlib", "stb"}},
    {"show", {"base", "content", "text"}, {"ICU"}},
    {"ops", {"base", "content", "config", "show", "text"}, {"libsodium", "SQLite"}},
    {"authoring",
     {"base", "content", "text"},
     {"SQLite", "HarfBuzz", "librsvg", "libpng", "libsodium", "toml++", "stb"}},
    {"fleet", {"base", "config", "content", "ops", "text"}, {"libcurl", "zstd", "toml++", "libsodium"}},
    {"controller", {"base", "content", "ops", "show", "text"}, {}},
    {"ui", {"base", "controller", "show", "content", "text"}, {"ImGui", "FreeType", "zlib"}},
    {"platform", {"base", "ui", "show", "content", "text"}, {"ImGui", "GLFW", "OpenGL", "FreeType", "stb"}},
    {"app",
     {"base", "config", "content", "controller", "fleet", "ops", "platform", "show", "text", "ui"},
     {"ImGui", "libsystemd"}},
    {"tools", {"base", "authoring", "config", "content", "fleet", "ops", "show", "text"}, {}},
};

struct Library {
  std::string name;
  std::regex headers;             // the #include <...> names that are this library's
  std::set<std::string> targets;  // its CMake link targets
};

const std::vector<Library> kLibraries = {
    {"SQLite", std::regex(R"(sqlite3\.h)"), {"PkgConfig::SQLITE3"}},
    {"ImGui", std::regex(R"(imgui[^/]*\.h|backends/.*)"), {"PkgConfig::IMGUI"}},
    {"OpenGL", std::regex(R"(GL/.*|glad/.*)"), {"OpenGL::GL"}},
    {"GLFW", std::regex(R"(GLFW/.*)"), {"PkgConfig::GLFW"}},
    {"libsodium", std::regex(R"(sodium(/.*|\.h))"), {"PkgConfig::SODIUM"}},
    {"ICU", std::regex(R"(unicode/.*)"), {"PkgConfig::ICU"}},
    {"HarfBuzz", std::regex(R"(hb(-[a-z-]+)?\.h)"), {"PkgConfig::HARFBUZZ"}},
    {"toml++", std::regex(R"(toml\+\+/.*)"), {"PkgConfig::TOMLPP"}},
    {"FreeType", std::regex(R"(ft2build\.h|freetype/.*)"), {"PkgConfig::FREETYPE"}},
    {"zlib", std::regex(R"(zlib\.h)"), {"ZLIB::ZLIB"}},
    {"libpng", std::regex(R"(png\.h)"), {"PkgConfig::PNG"}},
    {"librsvg", std::regex(R"(librsvg/.*|cairo.*\.h)"), {"PkgConfig::RSVG"}},
    {"stb", std::regex(R"(stb_[a-z_]+\.h)"), {}},  // header-only, compiled into our own copies
    {"libsystemd", std::regex(R"(systemd/.*)"), {"PkgConfig::LIBSYSTEMD"}},
    {"libcurl", std::regex(R"(curl/.*)"), {"PkgConfig::CURL"}},
    {"zstd", std::regex(R"(zstd\.h)"), {"PkgConfig::ZSTD"}},
};

// The C++ standard library (no extension) and the C and POSIX headers, for every layer.
const std::regex kSystemHeader(
    R"([a-z_]+|sys/[a-z_]+\.h|(dirent|fcntl|malloc|poll|semaphore|termios|unistd|signal|pthread|errno|limits|time)\.h)");
// Build settings, not dependencies.
const std::set<std::string> kLinkNeutral = {"PUBLIC", "PRIVATE", "INTERFACE", "kiosk_warnings"};

const Layer* find_layer(const std::string& name) {
  for (const auto& layer : kLayers)
    if (layer.name == name) return &layer;
  return nullptr;
}

// What an outside name (a header or a link target) is: a library's name, "system", or "".
std::string library_of_header(const std::string& header) {
  for (const auto& lib : kLibraries)
    if (std::regex_match(header, lib.headers)) return lib.name;
  return std::regex_match(header, kSystemHeader) ? "system" : "";
}

std::string library_of_target(const std::string& target) {
  for (const auto& lib : kLibraries)
    if (lib.targets.count(target)) return lib.name;
  return "";
}

// Checks one kiosk/LAYER folder; returns one line per violation.
std::vector<std::string> check_layer(const fs::path& folder, const Layer& layer) {
  static const std::regex include(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  static const std::regex kiosk_include(R"(kiosk/([a-z_]+)/.*)");
  std::vector<std::string> found;
  auto allowed_layer = [&](const std::string& other) { return other == layer.name || layer.layers.count(other) > 0; };
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    auto ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".h" && ext != ".in") continue;
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      std::string name = m[2].str(), where = entry.path().string() + ":" + std::to_string(number) + ": ";
      std::smatch k;
      if (std::regex_match(name, k, kiosk_include)) {
        if (!allowed_layer(k[1].str())) found.push_back(where + "layer " + layer.name + " may not include " + name);
      } else if (m[1].str() == "\"") {
        found.push_back(where + name + " is not a kiosk/LAYER/ header");
      } else if (auto lib = library_of_header(name); lib.empty()) {
        found.push_back(where + "<" + name + "> belongs to no library in the layering table");
      } else if (lib != "system" && !layer.libraries.count(lib)) {
        found.push_back(where + "layer " + layer.name + " may not use " + lib + " (<" + name + ">)");
      }
    }
  }
  // Links: every word of every target_link_libraries(...) in the folder's CMakeLists.txt.
  std::ifstream cmake(folder / "CMakeLists.txt");
  std::stringstream text;
  text << cmake.rdbuf();
  std::string all = text.str();
  static const std::regex link(R"(target_link_libraries\s*\(([^)]*)\))");
  for (std::sregex_iterator it(all.begin(), all.end(), link), end; it != end; ++it) {
    std::istringstream words((*it)[1].str());
    std::string target, word;
    words >> target;
    while (words >> word) {
      if (kLinkNeutral.count(word)) continue;
      std::smatch k;
      static const std::regex kiosk_target(R"(kiosk_([a-z]+)(_[a-z_]+)?)");
      std::string where = (folder / "CMakeLists.txt").string() + ": " + target + " links " + word;
      if (std::regex_match(word, k, kiosk_target)) {
        if (!allowed_layer(k[1].str())) found.push_back(where + ", a layer " + layer.name + " may not use");
      } else if (auto lib = library_of_target(word); lib.empty()) {
        found.push_back(where + ", which is in no row of the layering table");
      } else if (!layer.libraries.count(lib)) {
        found.push_back(where + ": layer " + layer.name + " may not use " + lib);
      }
    }
  }
  return found;
}

// Every folder under ROOT/kiosk must be a row, and every row a folder.
std::vector<std::string> check_folders(const fs::path& root) {
  std::vector<std::string> found;
  std::set<std::string> folders;
  for (const auto& entry : fs::directory_iterator(root / "kiosk"))
    if (entry.is_directory()) folders.insert(entry.path().filename().string());
  for (const auto& folder : folders)
    if (!find_layer(folder))
      found.push_back("kiosk/" + folder + "/ is in no row of the layering table (tests/unit/test_layering.cpp)");
  for (const auto& layer : kLayers)
    if (!folders.count(layer.name))
      found.push_back("the layering table's " + layer.name + " has no folder kiosk/" + layer.name);
  return found;
}

std::vector<std::string> check_tree(const fs::path& root) {
  auto found = check_folders(root);
  for (const auto& layer : kLayers)
    if (fs::is_directory(root / "kiosk" / layer.name)) {
      auto more = check_layer(root / "kiosk" / layer.name, layer);
      found.insert(found.end(), more.begin(), more.end());
    }
  return found;
}

}  // namespace

TEST_CASE("layering: every layer includes and links only what the table allows, and every folder is a layer") {
  for (const auto& line : check_tree(KIOSK_SOURCE_DIR)) FAIL_CHECK(line);
}

TEST_CASE("layering: the table points one way and names only known layers and libraries") {
  std::set<std::string> libraries;
  for (const auto& lib : kLibraries) libraries.insert(lib.name);
  std::map<std::string, int> rank;
  for (size_t i = 0; i < kLayers.size(); ++i) rank[kLayers[i].name] = static_cast<int>(i);
  for (const auto& layer : kLayers) {
    INFO("layer " << layer.name);
    for (const auto& below : layer.layers) {
      REQUIRE(rank.count(below));
      CHECK_MESSAGE(rank[below] < rank[layer.name], below << " must come before " << layer.name << " (lowest first)");
    }
    for (const auto& lib : layer.libraries) CHECK_MESSAGE(libraries.count(lib), "unknown library " << lib);
  }
}

TEST_CASE(
    "layering: the scan catches a forbidden include, an unknown header, a forbidden link and an unlisted folder") {
  fs::path root = fs::temp_directory_path() / "kiosk-layering-probe";
  fs::remove_all(root);
  fs::create_directories(root / "kiosk");
  for (const auto& layer : kLayers) fs::create_directories(root / "kiosk" / layer.name);
  std::ofstream(root / "kiosk/content/bad.cpp")
      << "#include <vector>\n#include <unistd.h>\n#include \"kiosk/text/utf8.h\"\n"
      << "  #include <imgui.h>\n#include \"kiosk/ui/theme.h\"\n"
      << "#include <lz4.h>\n#include \"local.h\"\n";
  std::ofstream(root / "kiosk/text/CMakeLists.txt")
      << "target_link_libraries(kiosk_text PRIVATE PkgConfig::ICU kiosk_warnings\n  PkgConfig::SQLITE3 kiosk_ops)\n";
  fs::create_directories(root / "kiosk/newlayer");
  auto found = check_tree(root);
  fs::remove_all(root);
  std::string all;
  for (const auto& line : found) all += line + "\n";
  INFO(all);
  CHECK(found.size() == 7);
  CHECK(all.find("may not use ImGui (<imgui.h>)") != std::string::npos);
  CHECK(all.find("may not include kiosk/ui/theme.h") != std::string::npos);
  CHECK(all.find("<lz4.h> belongs to no library") != std::string::npos);
  CHECK(all.find("local.h is not a kiosk/LAYER/ header") != std::string::npos);
  CHECK(all.find("links PkgConfig::SQLITE3: layer text may not use SQLite") != std::string::npos);
  CHECK(all.find("links kiosk_ops, a layer text may not use") != std::string::npos);
  CHECK(all.find("kiosk/newlayer/ is in no row") != std::string::npos);
}
