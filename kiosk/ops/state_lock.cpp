#include "kiosk/ops/state_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "kiosk/base/errors.h"
#include "kiosk/ops/durable_file.h"

namespace kiosk::ops {

StateLock::StateLock(const StateDir& state, std::chrono::milliseconds wait) {
  auto lock = state.root / "lock";
  // Held in a base::Fd: it is closed however the constructor ends, and only then.
  fd_.reset(::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!fd_) throw FileError(lock.string() + ": cannot open the state directory's lock: " + base::errno_text(errno));
  state.adopt(lock);
  // Polled rather than blocking, so that the wait is bounded.
  auto deadline = std::chrono::steady_clock::now() + wait;
  while (::flock(fd_.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      int error = errno;
      throw FileError(lock.string() + ": cannot lock: " + base::errno_text(error));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw FileError(state.root.string() + ": another install or rollback is still running here (waited " +
                      std::to_string(wait.count() / 1000) + " s); try again when it has finished");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

StateLock::~StateLock() = default;

}  // namespace kiosk::ops
