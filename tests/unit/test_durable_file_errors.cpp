// The durable file operations, the state lock and the highest-version record when the
// file system says no: each failure is a FileError naming the file and the reason, and
// leaves nothing half-made behind.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "bundle_fixture.h"
#include "kiosk/ops/durable_file.h"
#include "kiosk/ops/highest_version.h"
#include "kiosk/ops/state_lock.h"
#include "skip.h"
#include "small_tmpfs.h"

using namespace kiosk::ops;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

template <typename F>
std::string file_error_of(F&& f) {
  try {
    f();
  } catch (const FileError& e) {
    return e.what();
  }
  return "(no FileError)";
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("durable file: what is not a regular file is named by its kind and never copied") {
  ScratchDir dir;
  auto to = dir.path / "copy";
  REQUIRE(::mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
  CHECK(file_error_of([&] { copy_durably(dir.path / "fifo", to); }) ==
        (dir.path / "fifo").string() + ": not a regular file (a FIFO)");
  CHECK(file_error_of([&] { copy_durably("/dev/null", to); }) == "/dev/null: not a regular file (a device)");
  CHECK(file_error_of([&] { copy_durably(dir.path, to); }) == dir.path.string() + ": not a regular file (a directory)");

  int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  auto sock_path = (dir.path / "sock").string();
  REQUIRE(sock_path.size() < sizeof addr.sun_path);
  std::strcpy(addr.sun_path, sock_path.c_str());
  REQUIRE(::bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  // A socket cannot be opened at all: the reason is the kernel's.
  CHECK(contains(file_error_of([&] { copy_durably(sock_path, to); }), sock_path + ": cannot read: "));
  struct stat st {};
  REQUIRE(::stat(sock_path.c_str(), &st) == 0);
  CHECK(std::string(file_kind(st.st_mode)) == "a socket");
  ::close(sock);

  auto real = dir.write("real", "bytes");
  fs::create_symlink(real, dir.path / "link");
  CHECK(file_error_of([&] { copy_durably(dir.path / "link", to, Links::Refuse); }) ==
        (dir.path / "link").string() + ": not a regular file (a symbolic link)");
  CHECK_FALSE(fs::exists(to));
  copy_durably(dir.path / "link", to, Links::Follow);  // followed when the caller allows it
  CHECK(fs::file_size(to) == 5);
}

TEST_CASE("durable file: open_regular refuses what is not a regular file without blocking") {
  ScratchDir dir;
  REQUIRE(::mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
  errno = 0;
  CHECK_FALSE(open_regular(dir.path / "fifo", O_RDONLY));  // would block for a writer if it opened it plainly
  CHECK(errno == EINVAL);
  CHECK_FALSE(open_regular(dir.path, O_RDONLY));
  CHECK(errno == EINVAL);
  CHECK_FALSE(open_regular(dir.path / "missing", O_RDONLY));
  CHECK(errno == ENOENT);
  CHECK(open_regular(dir.write("file", "x"), O_RDONLY));
}

TEST_CASE("durable file: a copy never replaces a file already there, and a large file is refused first") {
  ScratchDir dir;
  auto from = dir.write("from", std::string(1000, 'a'));
  auto to = dir.write("to", "precious");
  CHECK(file_error_of([&] { copy_durably(from, to); }) == to.string() + ": cannot create: File exists");
  std::ifstream in(to);
  std::string kept;
  in >> kept;
  CHECK(kept == "precious");
  auto fresh = dir.path / "fresh";
  CHECK(file_error_of([&] { copy_durably(from, fresh, Links::Follow, 999); }) ==
        from.string() + ": 1000 bytes; the limit is 999");
  CHECK_FALSE(fs::exists(fresh));
  copy_durably(from, fresh, Links::Follow, 1000);  // exactly the limit is fine
  CHECK(fs::file_size(fresh) == 1000);
}

TEST_CASE("durable file: a full file system fails the copy naming the file, with ENOSPC kept") {
  ScratchDir dir;
  SmallTmpfs disk(dir.path / "disk", 64);
  if (!disk.mounted()) KIOSK_SKIP("cannot mount a tmpfs here (" + disk.why_not + "); needs root");
  auto from = dir.write("big", std::string(256 * 1024, 'x'));
  auto to = disk.path / "copy";
  bool full = false;
  std::string message;
  try {
    copy_durably(from, to);
  } catch (const FileError& e) {
    full = e.error() == ENOSPC;
    message = e.what();
  }
  CHECK(full);
  CHECK(message == to.string() + ": cannot write: No space left on device");
}

TEST_CASE("durable file: renames and links that cannot be made are named, and leave no temporary link") {
  ScratchDir dir;
  CHECK(file_error_of([&] { fsync_directory(dir.path / "missing"); }) ==
        (dir.path / "missing").string() + ": cannot open directory: No such file or directory");
  CHECK(file_error_of([&] { fsync_directory(dir.write("plain", "x")); }) ==
        (dir.path / "plain").string() + ": cannot open directory: Not a directory");
  CHECK(file_error_of([&] { rename_durably(dir.path / "gone", dir.path / "there"); }) ==
        (dir.path / "there").string() + ": cannot rename into place: No such file or directory");

  CHECK(contains(file_error_of([&] { replace_symlink(dir.path / "missing" / "current", "bundles/a.bundle"); }),
                 ": cannot create link: No such file or directory"));

  // A link cannot be renamed over a directory that holds something.
  fs::create_directories(dir.path / "current" / "inside");
  CHECK(contains(file_error_of([&] { replace_symlink(dir.path / "current", "bundles/a.bundle"); }),
                 (dir.path / "current").string() + ": cannot switch link: "));
  for (const auto& entry : fs::directory_iterator(dir.path))
    CHECK_MESSAGE(entry.path().filename().string().find(".new-") == std::string::npos, entry.path());

  replace_symlink(dir.path / "link", "bundles/a.bundle");
  replace_symlink(dir.path / "link", "bundles/b.bundle");  // switched, not refused, when it exists
  CHECK(fs::read_symlink(dir.path / "link") == "bundles/b.bundle");
}

TEST_CASE("state lock: a held lock makes the second wait, then names the state directory") {
  ScratchDir dir;
  StateDir state{dir.path};
  auto first = std::make_unique<StateLock>(state, 0ms);
  auto began = std::chrono::steady_clock::now();
  CHECK(file_error_of([&] { StateLock second(state, 100ms); }) ==
        dir.path.string() +
            ": another install or rollback is still running here (waited 0 s); try again when it "
            "has finished");
  CHECK(std::chrono::steady_clock::now() - began >= 100ms);
  first.reset();
  CHECK_NOTHROW(StateLock(state, 0ms));  // free as soon as its holder lets go
}

TEST_CASE("state lock: a state directory that is missing, or a lock that is not a file, is named") {
  ScratchDir dir;
  CHECK(file_error_of([&] { StateLock lock(StateDir{dir.path / "missing"}, 0ms); }) ==
        (dir.path / "missing" / "lock").string() +
            ": cannot open the state directory's lock: No such file or directory");
  fs::create_directories(dir.path / "lock");
  CHECK(file_error_of([&] { StateLock lock(StateDir{dir.path}, 0ms); }) ==
        (dir.path / "lock").string() + ": cannot open the state directory's lock: Is a directory");
  fs::remove(dir.path / "lock");
  fs::create_symlink(dir.write("elsewhere", ""), dir.path / "lock");
  CHECK(contains(file_error_of([&] { StateLock lock(StateDir{dir.path}, 0ms); }),
                 "cannot open the state directory's lock: Too many levels of symbolic links"));
}

TEST_CASE("highest version: a record that is not a regular file refuses, and replacing it is allowed") {
  ScratchDir dir;
  StateDir state{dir.path};
  CHECK_FALSE(read_highest_version(state).has_value());
  fs::create_directories(state.highest_version());
  const std::string refused = state.highest_version().string() +
                              ": the record of the highest installed version cannot be read (not a regular file); "
                              "installs are refused until it is removed or replaced";
  CHECK(file_error_of([&] { read_highest_version(state); }) == refused);
  CHECK(file_error_of([&] { raise_highest_version(state, 3, false); }) == refused);
  fs::remove(state.highest_version());

  fs::create_symlink(dir.write("elsewhere", "9\n"), state.highest_version());
  CHECK(file_error_of([&] { read_highest_version(state); }) == refused);  // a link is not followed
  raise_highest_version(state, 3, true);                                  // --allow-downgrade replaces it
  CHECK(read_highest_version(state) == 3);
  CHECK(fs::is_regular_file(fs::symlink_status(state.highest_version())));

  raise_highest_version(state, 2, false);  // it only ever grows
  CHECK(read_highest_version(state) == 3);

  std::ofstream(state.highest_version(), std::ios::trunc) << "12345678901234567890\n";  // beyond 64 bits
  CHECK(contains(file_error_of([&] { read_highest_version(state); }), "is damaged (expected one whole number)"));
}

TEST_CASE("highest version: a record that cannot be written is a FileError naming it") {
  ScratchDir dir;
  StateDir state{dir.path / "missing"};
  CHECK(contains(file_error_of([&] { raise_highest_version(state, 4, false); }),
                 state.root.string() + ": cannot open directory: No such file or directory"));
}
