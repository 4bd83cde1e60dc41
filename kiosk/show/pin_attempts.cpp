#include "kiosk/show/pin_attempts.h"

#include <algorithm>
#include <cmath>

namespace kiosk::show {

void PinAttempts::failed(double now) {
  ++failures_;
  if (failures_ < 3) return;
  double wait = std::min(30.0 * std::pow(2.0, failures_ - 3), 15.0 * 60);
  locked_until_ = now + wait;
}

}  // namespace kiosk::show
