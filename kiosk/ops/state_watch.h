#pragma once
// Watches the state directory with inotify: whether `current` was switched or a bundle
// arrived in the inbox. wait() lets a thread sleep until something happens, so that the
// kiosk learns of an install at once instead of at its next wake-up.

#include <filesystem>
#include <mutex>
#include <string>

#include "kiosk/base/fd.h"
#include "kiosk/ops/state_dir.h"

namespace kiosk::ops {

class StateWatch {
 public:
  explicit StateWatch(const StateDir& state);
  StateWatch(const StateWatch&) = delete;
  StateWatch& operator=(const StateWatch&) = delete;

  struct Changes {
    bool current = false;  // the current link was replaced
    bool inbox = false;    // a file was written or moved into the inbox
    // The kernel's queue overflowed and events were lost: anything may have changed, so
    // current and inbox are set too and the caller looks at everything again.
    bool rescan = false;
  };
  // What happened since the last call; never blocks.
  Changes poll();
  // Blocks until there is something for poll() to read; false once interrupt() was
  // called (from any thread), if the directory is not watched, or once the watch failed
  // (error() says why; it is not retried, so a broken descriptor never spins).
  bool wait();
  void interrupt();
  bool watching() const { return bool(fd_); }
  // Why the watch stopped working; empty while it works.
  std::string error() const;

 private:
  void failed(const std::string& why);

  base::Fd fd_;
  int root_ = -1, inbox_ = -1;
  base::Fd interrupt_fd_;  // an eventfd: written once, to end wait()
  mutable std::mutex error_mutex_;
  std::string error_;
};

}  // namespace kiosk::ops
