#pragma once
// Rate-limits PIN attempts at the operator panel: three wrong PINs lock the keypad for
// 30 s, and every further wrong PIN doubles the wait, up to 15 minutes.

namespace kiosk::show {

class PinAttempts {
 public:
  bool allowed(double now) const { return now >= locked_until_; }
  double locked_until() const { return locked_until_; }
  void failed(double now);
  void succeeded() { failures_ = 0; }
  int failures() const { return failures_; }

 private:
  int failures_ = 0;
  double locked_until_ = -1e9;
};

}  // namespace kiosk::show
