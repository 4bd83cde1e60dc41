// The base layer: the atomic write leaves the old file or the new one and no temporary,
// errno's text, UTC stamps, and the thread pool's handling of a job that throws.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "bundle_fixture.h"
#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"
#include "kiosk/base/parallel.h"
#include "kiosk/base/utc_time.h"
#include "skip.h"

using namespace kiosk::base;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int entries(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

std::string throws_message(auto&& f) {
  try {
    f();
  } catch (const FileError& e) {
    return e.what();
  }
  return "(no exception)";
}

}  // namespace

TEST_CASE("base: written atomically with its mode, never over an existing file unless asked") {
  ScratchDir dir;
  auto path = dir.path / "k.sec";
  auto old_mask = ::umask(077);
  write_file_atomically(path, "first", 0640, false);
  ::umask(old_mask);
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);  // whatever the umask
  CHECK(read(path) == "first");
  auto message = throws_message([&] { write_file_atomically(path, "other", 0600, false); });
  CHECK(message.find(path.string() + ": already exists") != std::string::npos);
  CHECK(read(path) == "first");
  write_file_atomically(path, "replaced", 0600, true);
  CHECK(read(path) == "replaced");
  CHECK(entries(dir.path) == 1);  // no temporary file left behind
}

TEST_CASE("base: a file in a missing directory is refused with its name and errno's reason") {
  ScratchDir dir;
  auto message = throws_message([&] { write_file_atomically(dir.path / "no" / "f", "x", 0600); });
  CHECK(message == (dir.path / "no").string() + ": cannot open directory: No such file or directory");
}

TEST_CASE("base: an AtomicFile never committed leaves nothing, and a fixed temporary name replaces a leftover") {
  ScratchDir dir;
  {
    AtomicFile file(dir.path / "f", 0600);
    file.write("half");
    CHECK(fs::exists(dir.path / file.temp_name()));
    CHECK(file.temp_name().rfind(".f.tmp-", 0) == 0);
  }
  CHECK(entries(dir.path) == 0);

  dir.write("f.new", "leftover of a killed writer");
  Fd held_dir(::open(dir.path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  REQUIRE(held_dir);
  AtomicFile file(held_dir.get(), dir.path.string(), "f", 0600, "f.new");
  file.write("whole");
  file.commit();
  CHECK(read(dir.path / "f") == "whole");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("base: a file whose name is as long as a name may be is still written through a temporary twin") {
  ScratchDir dir;
  const std::string longest(255, 'n');
  write_file_atomically(dir.path / longest, "whole", 0600);
  CHECK(read(dir.path / longest) == "whole");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("base: a temporary file that cannot be created names the file and keeps errno") {
  if (::geteuid() == 0) KIOSK_SKIP("root writes into any directory: the refusal cannot be provoked");
  ScratchDir dir;
  fs::create_directory(dir.path / "ro");
  fs::permissions(dir.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  try {
    write_file_atomically(dir.path / "ro" / "f", "x", 0600);
    FAIL("no exception");
  } catch (const FileError& e) {
    CHECK(std::string(e.what()) ==
          (dir.path / "ro" / "f").string() + ": cannot create a temporary file: Permission denied");
    CHECK(e.error() == EACCES);
  }
  fs::permissions(dir.path / "ro", fs::perms::owner_all);
}

TEST_CASE("base: errno text, UTC stamps, the descriptor owner") {
  CHECK(errno_text(ENOENT) == "No such file or directory");
  CHECK(errno_text(123456).find("123456") != std::string::npos);
  CHECK(utc_stamp(0) == "1970-01-01T00:00:00Z");
  CHECK(utc_stamp(1767225599) == "2025-12-31T23:59:59Z");
  CHECK(utc_time(86400).tm_mday == 2);

  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[1]);
  Fd a(fds[0]);
  Fd b(std::move(a));
  CHECK_FALSE(a);
  CHECK(b.get() == fds[0]);
  CHECK(b.close() == 0);
  CHECK(::fcntl(fds[0], F_GETFD) == -1);  // closed once, by its last owner
  CHECK(b.close() == 0);                  // nothing held: nothing closed twice
}

TEST_CASE("base: the thread pool runs every job once and passes a job's exception on") {
  std::vector<std::atomic<int>> runs(1000);
  for_each_in_parallel(runs.size(), [&](size_t i) { runs[i]++; });
  int wrong = 0;
  for (auto& r : runs) wrong += r != 1;
  CHECK(wrong == 0);

  CHECK_THROWS_WITH_AS(for_each_in_parallel(100,
                                            [](size_t i) {
                                              if (i == 37) throw std::runtime_error("job 37 failed");
                                            }),
                       "job 37 failed", std::runtime_error);
  for_each_in_parallel(0, [](size_t) { FAIL("no job to run"); });
}
