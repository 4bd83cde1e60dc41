#pragma once
// Running the screen: on a window until closed, or once into a screenshot.

#include <chrono>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/app/options.h"
#include "kiosk/config/config.h"
#include "kiosk/show/civil_time.h"

namespace kiosk::app {

struct WallClock {
  std::string time_zone;
  std::optional<int64_t> fixed_utc;  // --now: the wall clock stands still
  // --clock-rate: this clock, and the animation clock of run_window, run `rate` times
  // faster than real time from the start, so that soak tests live through days.
  double rate = 1;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  int64_t started_utc = static_cast<int64_t>(std::time(nullptr));
  show::CivilTime now() const;
};

// Both show the first of `candidates` that opens and bakes (prepare_first), or return
// kNoBundleShown when none does.
constexpr int kNoBundleShown = -1;
constexpr int kExitBadBundle = 2;  // the bundle lacks the scene asked for, or broke while on screen
int run_screenshot(const std::vector<std::filesystem::path>& candidates, const Options& options,
                   const config::Config& config, const WallClock& wall);
// With `watch_state`, bundles installed into the state directory (or dropped into its
// inbox) are swapped in while the kiosk runs.
int run_window(const std::vector<std::filesystem::path>& candidates, bool watch_state, const Options& options,
               const config::Config& config, const WallClock& wall);

}  // namespace kiosk::app
