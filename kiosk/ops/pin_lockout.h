#pragma once
// The operator panel's failed PIN attempts, kept in STATE/pin-lockout so that a restart
// (or a pulled plug) never resets an attacker's wait. Times are UTC seconds.

#include <cstdint>
#include <string>

#include "kiosk/ops/state_dir.h"
#include "kiosk/show/pin_attempts.h"

namespace kiosk::ops {

struct PinLockout {
  int failures = 0;
  int64_t locked_until_utc = 0;
};

// An unreadable or damaged record reads as none; a record only the kiosk's user can write.
PinLockout load_pin_lockout(const StateDir& state);
// Replaces the record atomically; false if it could not be written (a read-only state).
bool save_pin_lockout(const StateDir& state, const PinLockout& lockout);

// Checks PINs against the configured hash, three wrong ones locking the keypad
// (show::PinAttempts), with the count kept in the state directory across restarts.
class PinGuard {
 public:
  PinGuard(std::string hash, StateDir state) : hash_(std::move(hash)), state_(std::move(state)) {}
  // `now_utc` is the wall clock's seconds; tests pass their own.
  show::PinVerdict check(const std::string& pin, double now_utc);

 private:
  std::string hash_;
  StateDir state_;
  PinLockout remembered_;
};

}  // namespace kiosk::ops
