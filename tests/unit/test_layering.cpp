// The layers below ui must not know about ImGui, GL or GLFW. The system headers are
// on every include path, so only reading the sources can enforce it.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> forbidden_includes(const fs::path& layer) {
  static const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  static const std::regex forbidden(R"((^|/)(imgui[^/]*\.h|GL/|GLFW/|glad/|backends/|kiosk/(ui|platform|app)/))");
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(layer)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::smatch m;
      if (std::regex_search(line, m, include) && std::regex_search(m[1].str(), forbidden))
        found.push_back(entry.path().string() + ":" + std::to_string(number) + ": " + line);
    }
  }
  return found;
}

}  // namespace

TEST_CASE(
    "layering: content, text, show, ops, config, authoring and controller include no ImGui, GL, GLFW or upper layer") {
  for (const char* layer : {"content", "text", "show", "ops", "config", "authoring", "controller"}) {
    auto found = forbidden_includes(fs::path(KIOSK_SOURCE_DIR) / "kiosk" / layer);
    INFO("layer " << layer);
    for (const auto& line : found) FAIL_CHECK(line);
  }
}

TEST_CASE("layering: the scan does catch a forbidden include") {
  fs::path dir = fs::temp_directory_path() / "kiosk-layering-probe";
  fs::create_directories(dir);
  std::ofstream(dir / "bad.cpp") << "#include <vector>\n  #include <imgui.h>\n#include \"kiosk/ui/theme.h\"\n";
  auto found = forbidden_includes(dir);
  fs::remove_all(dir);
  CHECK(found.size() == 2);
}
