#pragma once
// Fd owns one file descriptor and closes it once: move-only, -1 when it owns none.

#include <utility>

namespace kiosk::base {

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd& operator=(Fd&& other) noexcept {
    if (this != &other) reset(std::exchange(other.fd_, -1));
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  // Gives the descriptor up without closing it.
  int release() { return std::exchange(fd_, -1); }
  // Closes the one held (its error is lost: use close() where it matters) and takes `fd`.
  void reset(int fd = -1);
  // Closes now; returns close()'s result, 0 when nothing was held.
  int close();

 private:
  int fd_ = -1;
};

}  // namespace kiosk::base
