// The state directory's watch: what poll() reports, and a thread sleeping in wait() that
// an install wakes at once and interrupt() ends.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>

#include "bundle_fixture.h"
#include "kiosk/ops/state_watch.h"
#include "skip.h"

using namespace kiosk::ops;
using namespace std::chrono_literals;

TEST_CASE("state watch: a new current link and a file in the inbox are reported once") {
  ScratchDir dir;
  StateDir state{dir.path};
  StateWatch watch(state);
  REQUIRE(watch.watching());
  CHECK_FALSE(watch.poll().current);

  dir.write("inbox/new.bundle", "x");
  std::filesystem::create_symlink("bundles/a.bundle", dir.path / "current.tmp");
  std::filesystem::rename(dir.path / "current.tmp", dir.path / "current");
  auto changes = watch.poll();
  CHECK(changes.inbox);
  CHECK(changes.current);
  changes = watch.poll();
  CHECK_FALSE(changes.inbox);
  CHECK_FALSE(changes.current);

  dir.write("inbox/.partial", "x");  // a copy still under way is not a bundle yet
  CHECK_FALSE(watch.poll().inbox);
}

TEST_CASE("state watch: wait() returns as soon as something arrives, and false once interrupted") {
  ScratchDir dir;
  StateDir state{dir.path};
  StateWatch watch(state);
  auto waiting = std::async(std::launch::async, [&] { return watch.wait(); });
  CHECK(waiting.wait_for(200ms) == std::future_status::timeout);  // nothing yet: still asleep
  dir.write("inbox/new.bundle", "x");
  REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
  CHECK(waiting.get());
  CHECK(watch.poll().inbox);

  waiting = std::async(std::launch::async, [&] { return watch.wait(); });
  CHECK(waiting.wait_for(200ms) == std::future_status::timeout);
  watch.interrupt();
  REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
  CHECK_FALSE(waiting.get());
}

TEST_CASE("state watch: a directory that cannot be watched neither blocks nor reports") {
  ScratchDir dir;
  dir.write("file", "not a directory");
  StateWatch watch(StateDir{dir.path / "file" / "state"});
  CHECK_FALSE(watch.wait());
  CHECK_FALSE(watch.poll().inbox);
}

TEST_CASE("state watch: events lost to a full kernel queue ask for a full rescan") {
  ScratchDir dir;
  StateDir state{dir.path};
  StateWatch watch(state);
  REQUIRE(watch.watching());
  long most = 16384;
  if (std::ifstream in("/proc/sys/fs/inotify/max_queued_events"); in) in >> most;
  if (most > 200000) KIOSK_SKIP("the kernel queues too many events to overflow in a test");
  // Hidden names, which alone would report nothing: only the overflow can.
  for (long i = 0; i <= most; ++i) std::ofstream(dir.path / "inbox" / (".part" + std::to_string(i))) << "x";
  auto changes = watch.poll();
  CHECK(changes.rescan);
  CHECK(changes.inbox);
  CHECK(changes.current);
  CHECK(watch.error().empty());
  CHECK_FALSE(watch.poll().rescan);  // reported once
}

TEST_CASE("state watch: an error on the watch ends wait() with a reason instead of spinning") {
  ScratchDir dir;
  StateDir state{dir.path};
  StateWatch watch(state);
  REQUIRE(watch.watching());
  // Put a pipe's write end, its reader gone (poll reports POLLERR), where the inotify
  // descriptor was: found from outside, through /proc, as any descriptor could break.
  int inotify_fd = -1;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    if (std::filesystem::read_symlink(entry.path(), ec).string() == "anon_inode:inotify")
      inotify_fd = std::stoi(entry.path().filename().string());
  }
  REQUIRE(inotify_fd >= 0);
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  ::close(pipe_fds[0]);
  REQUIRE(::dup2(pipe_fds[1], inotify_fd) == inotify_fd);
  ::close(pipe_fds[1]);

  auto waiting = std::async(std::launch::async, [&] { return watch.wait(); });
  REQUIRE(waiting.wait_for(10s) == std::future_status::ready);
  CHECK_FALSE(waiting.get());
  CHECK(watch.error().find("the state directory's watch failed") != std::string::npos);
  CHECK_FALSE(watch.wait());  // and stays failed: a caller looping on wait() stops
}

TEST_CASE("state watch: a state directory whose inbox cannot be made still reports a new current link") {
  ScratchDir dir;
  std::filesystem::create_symlink(dir.path / "nowhere", dir.path / "inbox");  // dangling: no inbox to watch
  StateDir state{dir.path};
  StateWatch watch(state);
  REQUIRE(watch.watching());
  std::filesystem::create_symlink("bundles/a.bundle", dir.path / "current");
  auto changes = watch.poll();
  CHECK(changes.current);
  CHECK_FALSE(changes.inbox);
  dir.write("other-file", "x");  // anything else in the state directory is not news
  CHECK_FALSE(watch.poll().current);
}
