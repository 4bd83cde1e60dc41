#include "kiosk/base/errors.h"

#include <unistd.h>

#include <cstring>

#include "kiosk/base/fd.h"

namespace kiosk::base {

std::string errno_text(int error) {
  char buffer[256] = {};
  // glibc's strerror_r is the GNU one (we build with _GNU_SOURCE, as g++ always does): it
  // may return a static string instead of filling the buffer.
  const char* text = ::strerror_r(error, buffer, sizeof buffer);
  return text ? text : "unknown error " + std::to_string(error);
}

void Fd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

int Fd::close() {
  if (fd_ < 0) return 0;
  return ::close(std::exchange(fd_, -1));
}

}  // namespace kiosk::base
