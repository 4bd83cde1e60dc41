#include "kiosk/ops/pin_lockout.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "kiosk/ops/durable_file.h"
#include "kiosk/ops/pin.h"

namespace kiosk::ops {

PinLockout load_pin_lockout(const StateDir& state) {
  PinLockout lockout;
  int fd = open_regular(state.pin_lockout(), O_RDONLY);
  if (fd < 0) return lockout;
  char buffer[64] = {};
  ssize_t n = ::read(fd, buffer, sizeof buffer - 1);
  ::close(fd);
  int failures = 0;
  long long until = 0;
  if (n > 0 && std::sscanf(buffer, "%d %lld", &failures, &until) == 2 && failures >= 0 && failures < 1000000)
    lockout = {failures, until};
  return lockout;
}

bool save_pin_lockout(const StateDir& state, const PinLockout& lockout) {
  std::string temp = state.pin_lockout().string() + ".new";
  std::string line = std::to_string(lockout.failures) + " " + std::to_string(lockout.locked_until_utc) + "\n";
  ::unlink(temp.c_str());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) && ::fsync(fd) == 0;
  ::close(fd);
  try {
    if (written) rename_durably(temp, state.pin_lockout());
  } catch (const FileError&) {
    written = false;
  }
  if (!written) ::unlink(temp.c_str());
  return written;
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
