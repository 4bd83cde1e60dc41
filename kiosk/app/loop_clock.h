#pragma once
// The running kiosk's animation clock: seconds since the loop started, `rate` times
// faster than real time (--clock-rate, for soak tests). Controllers read it for every
// pointer event and frame.

#include <chrono>

#include "kiosk/show/clock.h"

namespace kiosk::app {

class LoopClock : public show::Clock {
 public:
  explicit LoopClock(double rate) : rate_(rate) {}
  // Time 0 is now: the first frame is drawn at the start of the attract loop's first slide.
  void start() { start_ = std::chrono::steady_clock::now(); }
  double now() const override {
    return rate_ * std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  double rate() const { return rate_; }

 private:
  double rate_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace kiosk::app
