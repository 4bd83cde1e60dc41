#pragma once
// The kiosk's command line.

#include <optional>
#include <string>

namespace kiosk::app {

struct Size {
  int width = 0, height = 0;
};

struct Options {
  std::optional<std::string> bundle;
  std::optional<std::string> config;
  std::optional<std::string> state_dir;  // --state-dir DIR: over the configuration's content.state_dir
  std::optional<Size> windowed;          // --windowed WxH: an ordinary closable window
  std::optional<std::string> screenshot;
  Size size{1920, 1080};            // --size, for screenshots
  double at = 0;                    // --at SECONDS: the frozen animation clock
  std::optional<std::string> now;   // --now YYYY-MM-DDTHH:MM in the configured time zone
  std::optional<std::string> lang;  // --lang zh|en
  bool large_text = false;          // --large-text: the screenshot in the larger text size
  std::string scene = "attract";    // --scene: attract, home, category:ID, detail:ID, report[:N], countdown
  double clock_rate = 1;            // --clock-rate N: both clocks run N times faster (soak tests)
  bool help = false;
};

struct ParseResult {
  Options options;
  std::string error;  // empty when the command line is good
};

ParseResult parse_options(int argc, const char* const* argv);
extern const char* const kUsage;

}  // namespace kiosk::app
