#include "kiosk/ops/durable_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace kiosk::ops {
namespace {

using base::Fd;

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  int error = errno;
  throw FileError(path.string() + ": " + what + ": " + base::errno_text(error), error);
}

}  // namespace

const char* file_kind(mode_t mode) {
  if (S_ISREG(mode)) return "a regular file";  // where a directory was expected
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISLNK(mode)) return "a symbolic link";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  return "an unknown kind of file";
}

Fd open_regular(const std::filesystem::path& path, int flags, mode_t create_mode) {
  Fd fd(::open(path.c_str(), flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, create_mode));
  if (!fd) return fd;
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    fd.reset();
    errno = EINVAL;
  }
  return fd;
}

void copy_durably(const std::filesystem::path& from, const std::filesystem::path& to, Links links, off_t max_bytes) {
  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (links == Links::Refuse ? O_NOFOLLOW : 0);
  Fd in(::open(from.c_str(), flags));
  if (!in && errno == ELOOP && links == Links::Refuse)
    throw FileError(from.string() + ": not a regular file (a symbolic link)");
  if (!in) fail(from, "cannot read");
  struct stat before {};
  if (::fstat(in.get(), &before) != 0) fail(from, "cannot stat");
  if (!S_ISREG(before.st_mode))
    throw FileError(from.string() + ": not a regular file (" + file_kind(before.st_mode) + ")");
  if (before.st_size > max_bytes)
    throw FileError(from.string() + ": " + std::to_string(before.st_size) + " bytes; the limit is " +
                    std::to_string(max_bytes));
  Fd out(::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!out) fail(to, "cannot create");
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(from, "cannot read");
    }
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(out.get(), buffer.data() + done, static_cast<size_t>(n - done));
      if (w < 0) {
        if (errno == EINTR) continue;
        fail(to, "cannot write");
      }
      done += w;
    }
  }
  struct stat after {};
  if (::fstat(in.get(), &after) != 0) fail(from, "cannot stat");
  if (after.st_size != before.st_size || after.st_mtim.tv_sec != before.st_mtim.tv_sec ||
      after.st_mtim.tv_nsec != before.st_mtim.tv_nsec || after.st_nlink == 0)
    throw FileError(from.string() + ": changed while it was copied (is it still being written?)");
  if (::fsync(out.get()) != 0) fail(to, "cannot fsync");
}

void replace_symlink(const std::filesystem::path& link, const std::filesystem::path& target) {
  std::filesystem::path temp = link.string() + ".new-" + std::to_string(::getpid());
  ::unlink(temp.c_str());
  if (::symlink(target.c_str(), temp.c_str()) != 0) fail(temp, "cannot create link");
  if (std::rename(temp.c_str(), link.c_str()) != 0) {
    ::unlink(temp.c_str());
    fail(link, "cannot switch link");
  }
  fsync_directory(link.parent_path());
}

void test_step(const char* name) {
  static const char* delay = std::getenv("KIOSK_TEST_STEP_DELAY_MS");
  if (!delay) return;
  std::fprintf(stderr, "step %s\n", name);
  std::fflush(stderr);
  std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(delay)));
}

}  // namespace kiosk::ops
