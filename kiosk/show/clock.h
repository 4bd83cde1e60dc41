#pragma once
// The animation clock, injected so that tests and screenshots can freeze or speed time.

namespace kiosk::show {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual double now() const = 0;  // seconds since the kiosk started, never decreasing
};

// A clock that moves only when told to: for tests, screenshots and soak runs.
class ManualClock : public Clock {
 public:
  explicit ManualClock(double start = 0) : now_(start) {}
  double now() const override { return now_; }
  void set(double t) { now_ = t; }
  void advance(double dt) { now_ += dt; }

 private:
  double now_;
};

}  // namespace kiosk::show
