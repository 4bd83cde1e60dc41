#include <doctest/doctest.h>

#include <vector>

#include "kiosk/app/options.h"

using namespace kiosk::app;

namespace {

ParseResult parse(std::vector<const char*> args) {
  args.insert(args.begin(), "kiosk");
  return parse_options(static_cast<int>(args.size()), args.data());
}

}  // namespace

TEST_CASE("options: a screenshot command line") {
  auto r = parse({"--bundle", "b.bundle", "--screenshot", "out.png", "--size", "1080x1920", "--at", "2.5", "--now",
                  "2025-04-01T10:00", "--lang", "en"});
  REQUIRE(r.error.empty());
  CHECK(*r.options.bundle == "b.bundle");
  CHECK(*r.options.screenshot == "out.png");
  CHECK(r.options.size.width == 1080);
  CHECK(r.options.size.height == 1920);
  CHECK(r.options.at == 2.5);
  CHECK(*r.options.lang == "en");
}

TEST_CASE("options: bad values are refused with a reason") {
  CHECK(parse({"--size", "big"}).error == "--size must be WIDTHxHEIGHT, such as 1920x1080 (got 'big')");
  CHECK(parse({"--windowed", "0x100"}).error.find("--windowed") == 0);
  CHECK(parse({"--at", "-1"}).error.find("--at") == 0);
  CHECK(parse({"--lang", "fr"}).error == "--lang must be zh or en (got 'fr')");
  CHECK(parse({"--bundle"}).error == "--bundle needs a value");
  CHECK(parse({"--frobnicate"}).error == "unknown option '--frobnicate'");
}

TEST_CASE("options: --clock-rate speeds both clocks for soak tests, 1 when not given") {
  CHECK(parse({}).options.clock_rate == 1);
  auto r = parse({"--clock-rate", "120"});
  REQUIRE(r.error.empty());
  CHECK(r.options.clock_rate == 120);
  CHECK(parse({"--clock-rate", "0.5"}).error == "--clock-rate must be a number from 1 to 10000 (got '0.5')");
  CHECK(parse({"--clock-rate", "fast"}).error.find("--clock-rate") == 0);
  CHECK(parse({"--clock-rate", "nan"}).error.find("--clock-rate") == 0);
  CHECK(parse({"--clock-rate"}).error == "--clock-rate needs a value");
}

TEST_CASE("options: --state-dir and --config are taken as kioskctl takes them") {
  auto r = parse({"--state-dir", "/srv/kiosk-state", "--config", "k.toml"});
  REQUIRE(r.error.empty());
  CHECK(*r.options.state_dir == "/srv/kiosk-state");
  CHECK(*r.options.config == "k.toml");
  CHECK_FALSE(parse({}).options.state_dir.has_value());
  CHECK(parse({"--state-dir"}).error == "--state-dir needs a value");
  CHECK(parse({"--state-dir", ""}).error == "--state-dir needs a value");
  CHECK(std::string(kUsage).find("--state-dir DIR") != std::string::npos);
}
