#include "kiosk/ops/state_watch.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cstring>

namespace kiosk::ops {

StateWatch::StateWatch(const StateDir& state) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  std::error_code ec;
  std::filesystem::create_directories(state.inbox(), ec);  // a read-only state directory just has no inbox
  root_ = ::inotify_add_watch(fd_, state.root.c_str(), IN_MOVED_TO | IN_CREATE);
  inbox_ = ::inotify_add_watch(fd_, state.inbox().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO);
}

StateWatch::~StateWatch() {
  if (fd_ >= 0) ::close(fd_);
}

StateWatch::Changes StateWatch::poll() {
  Changes changes;
  if (fd_ < 0) return changes;
  alignas(inotify_event) char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    for (char* p = buffer; p < buffer + n;) {
      auto* event = reinterpret_cast<inotify_event*>(p);
      std::string name = event->len ? event->name : "";
      if (event->wd == root_ && name == "current") changes.current = true;
      if (event->wd == inbox_ && !name.empty() && name[0] != '.') changes.inbox = true;
      p += sizeof(inotify_event) + event->len;
    }
  }
  return changes;
}

}  // namespace kiosk::ops
