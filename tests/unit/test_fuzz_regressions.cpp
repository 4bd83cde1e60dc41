// Every input that once crashed a fuzz target (tests/fuzz/regressions/TARGET/) goes
// through the same entry point here, so the ordinary gcc builds (and build-asan) keep
// each fix. An entry point fails by throwing or aborting; see tests/fuzz/README.md.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "skip.h"
#include "tests/fuzz/fuzz_bundle.h"
#include "tests/fuzz/fuzz_config.h"
#include "tests/fuzz/fuzz_font.h"
#include "tests/fuzz/fuzz_image.h"
#include "tests/fuzz/fuzz_line_break.h"
#include "tests/fuzz/fuzz_minisign.h"
#include "tests/fuzz/fuzz_sources.h"

namespace {

using Entry = void (*)(const uint8_t*, size_t);

void run_regressions(const std::string& target, Entry entry) {
  auto dir = std::filesystem::path(KIOSK_SOURCE_DIR) / "tests/fuzz/regressions" / target;
  if (!std::filesystem::exists(dir)) KIOSK_SKIP("no regression has been found by the " + target + " fuzz target yet");
  REQUIRE(std::filesystem::is_directory(dir));
  int inputs = 0;
  for (const auto& file : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(file.path(), std::ios::binary);
    REQUIRE(in);
    std::vector<uint8_t> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    INFO(file.path().string());
    CHECK_NOTHROW(entry(bytes.data(), bytes.size()));
    ++inputs;
  }
  CHECK_MESSAGE(inputs > 0, dir.string() << " is empty: remove it, or put the inputs back");
}

}  // namespace

TEST_CASE("fuzz regressions: bundle") {
  run_regressions("bundle", kiosk::fuzz::run_bundle);
}
TEST_CASE("fuzz regressions: image") {
  run_regressions("image", kiosk::fuzz::run_image);
}
TEST_CASE("fuzz regressions: font") {
  run_regressions("font", kiosk::fuzz::run_font);
}
TEST_CASE("fuzz regressions: sources") {
  run_regressions("sources", kiosk::fuzz::run_sources);
}
TEST_CASE("fuzz regressions: minisign") {
  run_regressions("minisign", kiosk::fuzz::run_minisign);
}
TEST_CASE("fuzz regressions: config") {
  run_regressions("config", kiosk::fuzz::run_config);
}
TEST_CASE("fuzz regressions: line_break") {
  run_regressions("line_break", kiosk::fuzz::run_line_break);
}
