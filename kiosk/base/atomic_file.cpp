#include "kiosk/base/atomic_file.h"

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>

#include "kiosk/base/errors.h"

namespace kiosk::base {
namespace {

[[noreturn]] void fail_at(const std::filesystem::path& path, const char* what, int error) {
  throw FileError(path.string() + ": " + what + ": " + errno_text(error), error);
}

std::string random_suffix() {
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char bytes[6] = {};
  if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes)) {
    // Only uniqueness matters, not secrecy: O_EXCL catches a clash and another is tried.
    static unsigned counter = 0;
    unsigned mix = static_cast<unsigned>(::getpid()) * 2654435761u + ++counter;
    for (auto& b : bytes) b = static_cast<unsigned char>(mix >>= 5);
  }
  std::string out;
  for (unsigned char b : bytes) out += letters[b % (sizeof letters - 1)];
  return out;
}

// A name that fits the directory must not fail for its temporary twin: the twin keeps only
// as much of the name as leaves room for its dot and suffix (the suffix alone keeps it unique).
std::string temp_name_for(const std::string& name) {
  std::string suffix = ".tmp-" + random_suffix();
  std::string out(1, '.');
  out.append(name, 0, std::min(name.size(), NAME_MAX - 1 - suffix.size()));
  return out.append(suffix);
}

}  // namespace

Fd AtomicFile::open_parent(const std::filesystem::path& path) {
  std::filesystem::path dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) fail_at(dir, "cannot open directory", errno);
  return fd;
}

AtomicFile::AtomicFile(int dir, std::string label, std::string name, mode_t mode, std::string fixed_temp)
    : AtomicFile(Fd(), dir, std::move(label), std::move(name), mode, std::move(fixed_temp)) {}

AtomicFile::AtomicFile(const std::filesystem::path& path, mode_t mode, std::string fixed_temp)
    : AtomicFile(open_parent(path), -1, path.parent_path().string(), path.filename().string(), mode,
                 std::move(fixed_temp)) {}

AtomicFile::AtomicFile(Fd own_dir, int dir, std::string label, std::string name, mode_t mode, std::string fixed_temp)
    : own_dir_(std::move(own_dir)),
      dir_(own_dir_ ? own_dir_.get() : dir),
      label_(std::move(label)),
      name_(std::move(name)) {
  constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  if (!fixed_temp.empty()) {
    temp_ = std::move(fixed_temp);
    if (::unlinkat(dir_, temp_.c_str(), 0) != 0 && errno != ENOENT) {
      int error = errno;
      fail_at(where(temp_), "cannot replace", error);
    }
    file_.reset(::openat(dir_, temp_.c_str(), kFlags, mode));
  } else {
    for (int attempt = 0; attempt < 100 && !file_; ++attempt) {
      temp_ = temp_name_for(name_);
      file_.reset(::openat(dir_, temp_.c_str(), kFlags, mode));
      if (!file_ && errno != EEXIST) break;
    }
  }
  if (!file_) {
    int error = errno;
    temp_.clear();
    fail_at(where(name_), "cannot create a temporary file", error);
  }
  if (::fchmod(file_.get(), mode) != 0) fail("cannot set its mode", errno);
}

AtomicFile::~AtomicFile() {
  if (committed_ || temp_.empty()) return;
  file_.reset();
  ::unlinkat(dir_, temp_.c_str(), 0);
}

std::string AtomicFile::where(const std::string& file) const {
  return label_.empty() ? file : (std::filesystem::path(label_) / file).string();
}

void AtomicFile::fail(const char* what, int error) {
  file_.reset();
  ::unlinkat(dir_, temp_.c_str(), 0);
  temp_.clear();
  throw FileError(where(name_) + ": " + what + (error ? ": " + errno_text(error) : std::string()), error);
}

void AtomicFile::write(std::string_view bytes) {
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(file_.get(), bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("write failed", errno);
    done += static_cast<size_t>(n);
  }
}

void AtomicFile::commit(Existing existing) {
  if (::fsync(file_.get()) != 0) fail("fsync failed", errno);
  if (file_.close() != 0) fail("close failed", errno);
  if (existing == Existing::Replace) {
    if (::renameat(dir_, temp_.c_str(), dir_, name_.c_str()) != 0) fail("cannot rename into place", errno);
  } else {
    // link() refuses an existing name, so nothing already there is ever replaced.
    if (::linkat(dir_, temp_.c_str(), dir_, name_.c_str(), 0) != 0) {
      if (errno == EEXIST) fail("already exists; not overwriting it", 0);
      fail("cannot create", errno);
    }
    ::unlinkat(dir_, temp_.c_str(), 0);
  }
  committed_ = true;
  if (::fsync(dir_) != 0) {
    int error = errno;
    fail_at(label_.empty() ? "." : label_, "cannot fsync directory", error);
  }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode, bool overwrite) {
  AtomicFile file(path, mode);
  file.write(bytes);
  file.commit(overwrite ? AtomicFile::Existing::Replace : AtomicFile::Existing::Keep);
}

void fsync_file(const std::filesystem::path& file) {
  Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) fail_at(file, "cannot open for fsync", errno);
  if (::fsync(fd.get()) != 0) fail_at(file, "fsync failed", errno);
}

void fsync_directory(const std::filesystem::path& dir) {
  Fd fd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!fd) fail_at(dir, "cannot open directory", errno);
  if (::fsync(fd.get()) != 0) fail_at(dir, "cannot fsync directory", errno);
}

void rename_durably(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) fail_at(to, "cannot rename into place", errno);
  fsync_directory(to.parent_path());
}

}  // namespace kiosk::base
