#pragma once
// Watches the state directory with inotify, without blocking: the kiosk asks once per
// wake-up whether `current` was switched or a bundle arrived in the inbox.

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
  Changes poll();
  bool watching() const { return fd_ >= 0; }

 private:
  int fd_ = -1, root_ = -1, inbox_ = -1;
};

}  // namespace kiosk::ops
