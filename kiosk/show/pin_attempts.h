#pragma once
// Rate-limits PIN attempts at the operator panel: three wrong PINs lock the keypad for
// 30 s, and every further wrong PIN doubles the wait, up to 15 minutes.

namespace kiosk::show {

// What the keypad shows after a PIN: the panel opens, or it stays shut (for how long).
struct PinVerdict {
  bool ok = false;
  int locked_for_s = 0;  // > 0: the keypad refuses every PIN for this long
};

class PinAttempts {
 public:
  PinAttempts() = default;
  // A record kept across restarts, so that a restart never resets an attacker's wait.
  PinAttempts(int failures, double locked_until) : failures_(failures), locked_until_(locked_until) {}
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
