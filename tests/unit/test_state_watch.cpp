// The state directory's watch: what poll() reports, and a thread sleeping in wait() that
// an install wakes at once and interrupt() ends.
#include <doctest/doctest.h>

#include <chrono>
#include <future>

#include "bundle_fixture.h"
#include "kiosk/ops/state_watch.h"

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
