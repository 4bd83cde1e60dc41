#pragma once
// Running the screen: on a window until closed, or once into a screenshot.

#include <cstdint>
#include <string>

#include "kiosk/app/options.h"
#include "kiosk/ui/kiosk_screen.h"

namespace kiosk::app {

struct WallClock {
  std::string time_zone;
  std::optional<int64_t> fixed_utc;  // --now: the wall clock stands still
  show::CivilTime now() const;
};

int run_screenshot(ui::KioskScreen& screen, const Options& options, const WallClock& wall);
int run_window(ui::KioskScreen& screen, const Options& options, const WallClock& wall);

}  // namespace kiosk::app
