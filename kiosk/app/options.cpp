#include "kiosk/app/options.h"

#include <cstdlib>
#include <regex>

namespace kiosk::app {

const char* const kUsage =
    "usage: kiosk [--bundle FILE] [--config FILE] [--state-dir DIR] [--windowed WxH]\n"
    "             [--clock-rate N]\n"
    "             [--screenshot OUT.png --size WxH [--at SECONDS] [--now YYYY-MM-DDTHH:MM] [--lang zh|en]\n"
    "              [--scene S] [--large-text]]\n"
    "  --bundle FILE      show this content bundle (default: the installed one)\n"
    "  --config FILE      configuration (default: /etc/heping-kiosk/kiosk.toml)\n"
    "  --state-dir DIR    installed bundles, inbox and statistics (default: content.state_dir in the\n"
    "                     configuration, else /var/lib/heping-kiosk); it must exist\n"
    "  --windowed WxH     an ordinary closable window instead of the locked-down fullscreen kiosk\n"
    "  --screenshot OUT   render one frame off-screen to a PNG file and exit\n"
    "  --size WxH         the screenshot's size (default 1920x1080)\n"
    "  --at SECONDS       the animation clock for the screenshot (default 0)\n"
    "  --now TIME         the wall clock for open hours and schedules, in the configured time zone\n"
    "  --lang zh|en       the language shown first\n"
    "  --scene S          the screenshot's scene: attract, home, category:ID, detail:ID, report,\n"
    "                     report:N (its Nth section, from 0), map (the district map), map:ID (as\n"
    "                     landmark ID's page opens it) or countdown\n"
    "  --large-text       the screenshot with the larger text visitors can choose\n"
    "testing:\n"
    "  --clock-rate N     run the animation and wall clocks N times faster than real time (1 to 10000),\n"
    "                     so that idle returns, slides, open hours and days pass quickly in soak tests\n";

namespace {

std::optional<Size> parse_size(const std::string& text) {
  static const std::regex pattern("([1-9][0-9]{1,4})x([1-9][0-9]{1,4})");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  Size size{std::atoi(m[1].str().c_str()), std::atoi(m[2].str().c_str())};
  if (size.width > 16384 || size.height > 16384) return std::nullopt;
  return size;
}

}  // namespace

ParseResult parse_options(int argc, const char* const* argv) {
  ParseResult r;
  auto& o = r.options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= argc) {
        r.error = arg + " needs a value";
        return false;
      }
      out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      o.help = true;
    } else if (arg == "--large-text") {
      o.large_text = true;
    } else if (arg == "--bundle" || arg == "--config" || arg == "--state-dir" || arg == "--screenshot" ||
               arg == "--now" || arg == "--lang" || arg == "--scene") {
      if (!value(v)) return r;
      if (v.empty()) {
        r.error = arg + " needs a value";
        return r;
      }
      if (arg == "--scene") {
        static const std::regex scene(
            "attract|home|countdown|map|operator|operator-pin|report|report:[0-9]{1,4}|(category|detail|map):[a-z0-9]["
            "a-z0-"
            "9-]"
            "*");
        if (!std::regex_match(v, scene)) {
          r.error =
              "--scene must be attract, home, category:ID, detail:ID, report, report:N, map, map:ID or countdown (got "
              "'" +
              v + "')";
          return r;
        }
        o.scene = v;
      }
      if (arg == "--bundle") o.bundle = v;
      if (arg == "--config") o.config = v;
      if (arg == "--state-dir") o.state_dir = v;
      if (arg == "--screenshot") o.screenshot = v;
      if (arg == "--now") o.now = v;
      if (arg == "--lang") {
        if (v != "zh" && v != "en") {
          r.error = "--lang must be zh or en (got '" + v + "')";
          return r;
        }
        o.lang = v;
      }
    } else if (arg == "--windowed" || arg == "--size") {
      if (!value(v)) return r;
      auto size = parse_size(v);
      if (!size) {
        r.error = arg + " must be WIDTHxHEIGHT, such as 1920x1080 (got '" + v + "')";
        return r;
      }
      if (arg == "--windowed")
        o.windowed = size;
      else
        o.size = *size;
    } else if (arg == "--at") {
      if (!value(v)) return r;
      char* end = nullptr;
      o.at = std::strtod(v.c_str(), &end);
      if (v.empty() || *end != '\0' || o.at < 0 || o.at > 1e7) {
        r.error = "--at must be a number of seconds, 0 or more (got '" + v + "')";
        return r;
      }
    } else if (arg == "--clock-rate") {
      if (!value(v)) return r;
      char* end = nullptr;
      o.clock_rate = std::strtod(v.c_str(), &end);
      // Below 1 would only slow a kiosk down; far above, a frame spans minutes of show time.
      if (v.empty() || *end != '\0' || !(o.clock_rate >= 1 && o.clock_rate <= 10000)) {
        r.error = "--clock-rate must be a number from 1 to 10000 (got '" + v + "')";
        return r;
      }
    } else {
      r.error = "unknown option '" + arg + "'";
      return r;
    }
  }
  return r;
}

}  // namespace kiosk::app
