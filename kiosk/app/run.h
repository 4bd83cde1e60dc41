#pragma once
// Running the screen: on a window until closed, or once into a screenshot.

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/app/options.h"
#include "kiosk/config/config.h"
#include "kiosk/content/bundle.h"
#include "kiosk/show/civil_time.h"

namespace kiosk::app {

struct WallClock {
  std::string time_zone;
  std::optional<int64_t> fixed_utc;  // --now: the wall clock stands still
  show::CivilTime now() const;
};

int run_screenshot(content::Bundle& bundle, const Options& options, const config::Config& config,
                   const WallClock& wall);
int run_window(content::Bundle& bundle, const Options& options, const config::Config& config, const WallClock& wall);

}  // namespace kiosk::app
