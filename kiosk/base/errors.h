#pragma once
// What the base layer reports failures with, and errno's text without strerror's
// shared buffer (which another thread's call can overwrite mid-read).

#include <stdexcept>
#include <string>

namespace kiosk::base {

// A system call on a file failed. The message names the file, the step and the reason;
// error() keeps errno for callers that word their own message.
class FileError : public std::runtime_error {
 public:
  explicit FileError(const std::string& message, int error = 0) : std::runtime_error(message), error_(error) {}
  int error() const { return error_; }

 private:
  int error_;
};

// strerror's text for `error`, safe from any thread (strerror_r).
std::string errno_text(int error);

}  // namespace kiosk::base
