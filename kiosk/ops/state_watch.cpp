#include "kiosk/ops/state_watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace kiosk::ops {

StateWatch::StateWatch(const StateDir& state) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) return;
  std::error_code ec;
  std::filesystem::create_directories(state.inbox(), ec);  // a read-only state directory just has no inbox
  root_ = ::inotify_add_watch(fd_, state.root.c_str(), IN_MOVED_TO | IN_CREATE);
  inbox_ = ::inotify_add_watch(fd_, state.inbox().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO);
  if (root_ < 0) {  // nothing to watch: wait() must not sleep forever
    ::close(fd_);
    fd_ = -1;
    return;
  }
  interrupt_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

StateWatch::~StateWatch() {
  if (fd_ >= 0) ::close(fd_);
  if (interrupt_fd_ >= 0) ::close(interrupt_fd_);
}

bool StateWatch::wait() {
  if (fd_ < 0 || interrupt_fd_ < 0) return false;
  pollfd fds[2] = {{fd_, POLLIN, 0}, {interrupt_fd_, POLLIN, 0}};
  for (;;) {
    int n = ::poll(fds, 2, -1);
    if (n < 0 && errno == EINTR) continue;
    return n > 0 && !(fds[1].revents & POLLIN) && (fds[0].revents & POLLIN);
  }
}

void StateWatch::interrupt() {
  uint64_t one = 1;
  if (interrupt_fd_ >= 0) (void)!::write(interrupt_fd_, &one, sizeof one);
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
