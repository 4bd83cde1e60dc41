#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "kiosk/config/config.h"
#include "kiosk/config/locations.h"

using namespace kiosk::config;

TEST_CASE("config: an empty file gives the built-in defaults") {
  auto loaded = parse("", "kiosk.toml");
  CHECK(loaded.problems.empty());
  CHECK(loaded.config.mode == Mode::Interactive);
  CHECK(loaded.config.idle_timeout_s == 60);
  CHECK(loaded.config.language == "zh");
  CHECK(loaded.config.state_dir == "/var/lib/heping-kiosk");
  CHECK(loaded.config.cache_dir == "/var/cache/heping-kiosk");
  CHECK(default_config_path() == "/etc/heping-kiosk/kiosk.toml");
}

TEST_CASE("config: good values are read") {
  auto loaded = parse(
      "[display]\nmode = \"slideshow\"\nlanguage = \"en\"\nidle_timeout = 90\nalternate_languages = false\n"
      "[content]\nstate_dir = \"/srv/kiosk\"\nbundle = \"/tmp/a.bundle\"\n[clock]\ntime_zone = \"Europe/Berlin\"\n",
      "kiosk.toml");
  CHECK(loaded.problems.empty());
  CHECK(loaded.config.mode == Mode::Slideshow);
  CHECK(loaded.config.language == "en");
  CHECK(loaded.config.idle_timeout_s == 90);
  CHECK_FALSE(loaded.config.alternate_languages);
  CHECK(loaded.config.state_dir == "/srv/kiosk");
  CHECK(loaded.config.bundle == "/tmp/a.bundle");
  CHECK(loaded.config.time_zone == "Europe/Berlin");
}

TEST_CASE("config: the cache directory is an absolute path, or empty for none") {
  CHECK(parse("[content]\ncache_dir = \"\"\n", "k.toml").config.cache_dir.empty());
  CHECK(parse("[content]\ncache_dir = \"/tmp/c\"\n", "k.toml").config.cache_dir == "/tmp/c");
  auto loaded = parse("[content]\ncache_dir = \"cache\"\n", "k.toml");
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].to_string() ==
        "k.toml:2: content.cache_dir: must be an absolute path, or \"\" for none (got \"cache\")");
  CHECK(loaded.config.cache_dir == "/var/cache/heping-kiosk");
}

TEST_CASE("config: content.report_sha256 pins the report; a mistyped one pins a report no bundle carries") {
  std::string sum(64, 'a');
  CHECK(parse("", "k.toml").config.report_sha256.empty());
  CHECK(parse("[content]\nreport_sha256 = \"" + sum + "\"\n", "k.toml").config.report_sha256 == sum);
  for (std::string bad : {std::string(63, 'a'), std::string(64, 'A'), "sha256:" + sum}) {
    auto loaded = parse("[content]\nreport_sha256 = \"" + bad + "\"\n", "k.toml");
    REQUIRE(loaded.problems.size() == 1);
    CHECK(loaded.problems[0].to_string() ==
          "k.toml:2: content.report_sha256: must be 64 lowercase hexadecimal digits, as sha256sum prints them, or "
          "\"\" for any report; until then no bundle installs");
    CHECK(loaded.config.report_sha256 == bad);  // fails closed: it matches no report
  }
}

TEST_CASE("config: a bad value is named with its key and line, and the key keeps its default") {
  auto loaded =
      parse("[display]\nmode = \"party\"\nidle_timeout = 5\n[clock]\ntime_zone = \"Mars/Olympus\"\n", "k.toml");
  REQUIRE(loaded.problems.size() == 3);
  CHECK(loaded.problems[0].to_string() ==
        "k.toml:2: display.mode: must be \"interactive\" or \"slideshow\" (got \"party\"); using interactive");
  CHECK(loaded.problems[1].line == 3);
  CHECK(loaded.problems[1].key == "display.idle_timeout");
  CHECK(loaded.problems[2].key == "clock.time_zone");
  CHECK(loaded.problems[2].line == 5);
  CHECK(loaded.config.mode == Mode::Interactive);
  CHECK(loaded.config.idle_timeout_s == 60);
  CHECK(loaded.config.time_zone == "Asia/Shanghai");
}

TEST_CASE("config: wrong types and unknown keys are reported") {
  auto loaded = parse("[display]\nidle_timeout = \"sixty\"\nlanguage = 3\ncolour = \"red\"\n", "k.toml");
  REQUIRE(loaded.problems.size() == 3);
  CHECK(loaded.problems[0].reason.find("whole number") != std::string::npos);
  CHECK(loaded.problems[1].reason.find("string") != std::string::npos);
  CHECK(loaded.problems[2].to_string() == "k.toml:4: display.colour: unknown key; ignored");
}

TEST_CASE("config: a syntax error names the line and falls back to defaults") {
  auto loaded = parse("[display]\nmode = \"slideshow\n", "k.toml");
  REQUIRE(loaded.problems.size() == 1);
  CHECK(loaded.problems[0].line == 2);
  CHECK(loaded.config.mode == Mode::Interactive);
}

TEST_CASE("config: a missing default file means defaults; a missing named file is a problem") {
  auto absent = std::filesystem::temp_directory_path() / "kiosk-no-such-config.toml";
  CHECK(load(absent, false).problems.empty());
  CHECK_FALSE(load(absent, false).file_read);
  CHECK(load(absent, true).problems.size() == 1);
}

TEST_CASE("config: security keys fail closed") {
  auto good = parse("[security]\ntrusted_keys = [\"RWQAAAA\", \"RWQBBBB\"]\nallow_unsigned = true\n", "k.toml");
  CHECK(good.problems.empty());
  CHECK(good.config.trusted_keys.size() == 2);
  CHECK(good.config.allow_unsigned);
  auto bad = parse("[security]\ntrusted_keys = \"RWQAAAA\"\nallow_unsigned = \"yes\"\n", "k.toml");
  REQUIRE(bad.problems.size() == 2);
  CHECK(bad.config.trusted_keys_invalid);
  CHECK(bad.config.trusted_keys.empty());
  CHECK_FALSE(bad.config.allow_unsigned);
  auto mixed = parse("[security]\ntrusted_keys = [\"RWQAAAA\", 7]\n", "k.toml");
  CHECK(mixed.config.trusted_keys_invalid);
  CHECK(mixed.config.trusted_keys.empty());
}

TEST_CASE("config: the screen's rotation is a quarter turn, and anything else keeps it upright") {
  CHECK(parse("[display]\nrotation = 90\n", "k.toml").config.rotation == 90);
  auto bad = parse("[display]\nrotation = 45\n", "k.toml");
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].to_string() ==
        "k.toml:2: display.rotation: must be 0, 90, 180 or 270 (degrees clockwise); using 0");
  CHECK(bad.config.rotation == 0);
}

TEST_CASE("config: the packaged example documents every key, and reads without a problem") {
  std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/packaging/kiosk.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE_FALSE(text.empty());
  auto loaded = parse(text, "kiosk.toml");
  CHECK(loaded.problems.empty());
  for (const auto& key : known_keys()) {
    auto name = key.substr(key.find('.') + 1);
    auto table = "[" + key.substr(0, key.find('.')) + "]";
    auto at = text.find(table);
    INFO(key);
    REQUIRE(at != std::string::npos);
    auto next_table = text.find("\n[", at + 1);
    auto section = text.substr(at, next_table == std::string::npos ? std::string::npos : next_table - at);
    CHECK((section.find("\n" + name + " = ") != std::string::npos ||
           section.find("\n# " + name + " = ") != std::string::npos));
  }
}

namespace {

struct TempDir {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("kiosk-locations-" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("locations: --state-dir over content.state_dir over the default, and a missing one is named") {
  TempDir dir;
  auto file = dir.path / "kiosk.toml";
  std::ofstream(file) << "[content]\nstate_dir = \"" << (dir.path / "from-file").string() << "\"\n";
  std::vector<std::string> args = {"--config", file.string(), "--state-dir", (dir.path / "from-flag").string()};
  Locations where;
  std::string error;
  for (size_t i = 0; i < args.size(); ++i) REQUIRE(where.take(args, i, error));
  CHECK(error.empty());

  auto flagged = locate(where);
  CHECK(flagged.state_dir() == dir.path / "from-flag");
  CHECK(flagged.state_dir_source == "--state-dir");
  CHECK(missing_state_dir(flagged) ==
        (dir.path / "from-flag").string() + ": the state directory does not exist (from --state-dir)");
  std::filesystem::create_directories(dir.path / "from-flag");
  CHECK(missing_state_dir(flagged).empty());

  where.state_dir.reset();
  auto from_file = locate(where);
  CHECK(from_file.state_dir() == dir.path / "from-file");
  CHECK(missing_state_dir(from_file) == (dir.path / "from-file").string() +
                                            ": the state directory does not exist (from content.state_dir in " +
                                            file.string() + ")");
  std::ofstream(dir.path / "from-file") << "a file";
  CHECK(missing_state_dir(from_file).find("from-file: not a directory, so it cannot be the state directory") !=
        std::string::npos);

  auto defaults = locate(Locations{dir.path / "absent.toml", std::nullopt});
  CHECK(defaults.state_dir() == "/var/lib/heping-kiosk");
  CHECK(defaults.state_dir_source == "the default");
  CHECK(defaults.loaded.problems.size() == 1);  // a --config that is not there is a problem

  std::vector<std::string> bad = {"--state-dir"};
  size_t i = 0;
  Locations none;
  CHECK(none.take(bad, i, error));
  CHECK(error == "--state-dir needs a value");
  std::vector<std::string> other = {"--json"};
  i = 0;
  CHECK_FALSE(none.take(other, i, error));
}
