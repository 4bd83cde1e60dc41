#include "kiosk/ops/state_watch.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

#include "kiosk/base/errors.h"

namespace kiosk::ops {

StateWatch::StateWatch(const StateDir& state) {
  fd_.reset(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
  if (!fd_) return;
  std::error_code ec;
  std::filesystem::create_directories(state.inbox(), ec);  // a read-only state directory just has no inbox
  root_ = ::inotify_add_watch(fd_.get(), state.root.c_str(), IN_MOVED_TO | IN_CREATE);
  inbox_ = ::inotify_add_watch(fd_.get(), state.inbox().c_str(), IN_CLOSE_WRITE | IN_MOVED_TO);
  if (root_ < 0) {  // nothing to watch: wait() must not sleep forever
    fd_.reset();
    return;
  }
  interrupt_fd_.reset(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
}

std::string StateWatch::error() const {
  std::lock_guard lock(error_mutex_);
  return error_;
}

void StateWatch::failed(const std::string& why) {
  std::lock_guard lock(error_mutex_);
  if (error_.empty()) error_ = "the state directory's watch failed: " + why;
}

bool StateWatch::wait() {
  if (!fd_ || !interrupt_fd_ || !error().empty()) return false;
  pollfd fds[2] = {{fd_.get(), POLLIN, 0}, {interrupt_fd_.get(), POLLIN, 0}};
  for (;;) {
    int n = ::poll(fds, 2, -1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      failed("poll: " + base::errno_text(errno));
      return false;
    }
    if (fds[1].revents & POLLIN) return false;
    // POLLERR, POLLHUP or POLLNVAL come back at once on every poll: waiting again would spin.
    if (fds[0].revents & (POLLERR | POLLHUP | POLLNVAL)) {
      failed(fds[0].revents & POLLNVAL ? "its descriptor is not open" : "the kernel reported an error on it");
      return false;
    }
    return (fds[0].revents & POLLIN) != 0;
  }
}

void StateWatch::interrupt() {
  uint64_t one = 1;
  if (interrupt_fd_) (void)!::write(interrupt_fd_.get(), &one, sizeof one);
}

StateWatch::Changes StateWatch::poll() {
  Changes changes;
  if (!fd_) return changes;
  alignas(inotify_event) char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fd_.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN) failed("read: " + base::errno_text(errno));
    if (n <= 0) break;
    for (char* p = buffer; p < buffer + n;) {
      auto* event = reinterpret_cast<inotify_event*>(p);
      if (event->mask & IN_Q_OVERFLOW) changes.rescan = changes.current = changes.inbox = true;
      std::string name = event->len ? event->name : "";
      if (event->wd == root_ && name == "current") changes.current = true;
      if (event->wd == inbox_ && !name.empty() && name[0] != '.') changes.inbox = true;
      p += sizeof(inotify_event) + event->len;
    }
  }
  return changes;
}

}  // namespace kiosk::ops
