#include "kiosk/ops/pin_lockout.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/ops/durable_file.h"
#include "kiosk/ops/pin.h"

namespace kiosk::ops {

PinLockout load_pin_lockout(const StateDir& state) {
  PinLockout lockout;
  auto fd = open_regular(state.pin_lockout(), O_RDONLY);
  if (!fd) return lockout;
  char buffer[64] = {};
  ssize_t n = ::read(fd.get(), buffer, sizeof buffer - 1);
  int failures = 0;
  long long until = 0;
  if (n > 0 && std::sscanf(buffer, "%d %lld", &failures, &until) == 2 && failures >= 0 && failures < 1000000)
    lockout = {failures, until};
  return lockout;
}

bool save_pin_lockout(const StateDir& state, const PinLockout& lockout) {
  std::string line = std::to_string(lockout.failures) + " " + std::to_string(lockout.locked_until_utc) + "\n";
  try {
    // A fixed temporary name: a leftover of a killed kiosk is replaced, not piled up.
    base::AtomicFile file(state.pin_lockout(), 0600, state.pin_lockout().filename().string() + ".new");
    file.write(line);
    file.commit();
    return true;
  } catch (const base::FileError&) {
    return false;
  }
}

show::PinVerdict PinGuard::check(const std::string& pin, double now) {
  // The stricter of what this process saw and what the state directory remembers.
  auto stored = load_pin_lockout(state_);
  show::PinAttempts attempts(std::max(stored.failures, remembered_.failures),
                             static_cast<double>(std::max(stored.locked_until_utc, remembered_.locked_until_utc)));
  auto locked_for = [&] { return static_cast<int>(std::ceil(attempts.locked_until() - now)); };
  if (!attempts.allowed(now)) return {false, locked_for()};
  // No PIN, or a hash libsodium cannot read, keeps the panel locked: no PIN matches.
  if (pin_matches(hash_, pin)) {
    attempts.succeeded();
  } else {
    attempts.failed(now);
  }
  remembered_ = {attempts.failures(), attempts.failures() ? static_cast<int64_t>(attempts.locked_until()) : 0};
  save_pin_lockout(state_, remembered_);  // best effort: a read-only state still has this process's record
  if (attempts.failures() == 0) return {true, 0};
  return {false, attempts.allowed(now) ? 0 : locked_for()};
}

}  // namespace kiosk::ops
