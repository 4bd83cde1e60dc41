#pragma once
// One lock for everything that changes the state directory (installs, rollbacks, the
// inbox, the operator panel): an flock on STATE/lock. Two operators, or an operator and
// the kiosk's inbox, then never interleave their steps, and one's cleanup never removes
// another's copy. The kernel drops the lock with its process, so a killed installer
// never leaves it held.

#include <chrono>

#include "kiosk/base/fd.h"
#include "kiosk/ops/state_dir.h"

namespace kiosk::ops {

class StateLock {
 public:
  // Waits up to `wait` for the lock; throws FileError naming the state directory when
  // it cannot be opened or another process holds it that long.
  StateLock(const StateDir& state, std::chrono::milliseconds wait);
  ~StateLock();
  StateLock(const StateLock&) = delete;
  StateLock& operator=(const StateLock&) = delete;

 private:
  base::Fd fd_;
};

}  // namespace kiosk::ops
