#pragma once
// Watches the state directory with inotify: whether `current` was switched or a bundle
// arrived in the inbox. wait() lets a thread sleep until something happens, so that the
// kiosk learns of an install at once instead of at its next wake-up.

#include <filesystem>

#include "kiosk/ops/state_dir.h"

namespace kiosk::ops {

class StateWatch {
 public:
  explicit StateWatch(const StateDir& state);
  ~StateWatch();
  StateWatch(const StateWatch&) = delete;
  StateWatch& operator=(const StateWatch&) = delete;

  struct Changes {
    bool current = false;  // the current link was replaced
    bool inbox = false;    // a file was written or moved into the inbox
  };
  // What happened since the last call; never blocks.
  Changes poll();
  // Blocks until there is something for poll() to read; false once interrupt() was
  // called (from any thread), or if the directory is not watched.
  bool wait();
  void interrupt();
  bool watching() const { return fd_ >= 0; }

 private:
  int fd_ = -1, root_ = -1, inbox_ = -1;
  int interrupt_fd_ = -1;  // an eventfd: written once, to end wait()
};

}  // namespace kiosk::ops
