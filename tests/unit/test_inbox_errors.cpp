// The inbox when its state directory is busy or its records are damaged: the pass is
// reported and tried again later, never thrown, and damaged record lines are skipped.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "bundle_fixture.h"
#include "kiosk/ops/inbox.h"
#include "kiosk/ops/inbox_refusals.h"
#include "kiosk/ops/state_lock.h"

using namespace kiosk::ops;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {
const SignatureCheck kAll = [](const fs::path&, const fs::path&) { return std::string(); };
}  // namespace

TEST_CASE("inbox errors: a pass that cannot take the lock is reported and retried later, the bundle left waiting") {
  ScratchDir dir;
  StateDir state{dir.path};
  fs::create_directories(state.inbox());
  fs::copy_file(KIOSK_TINY_BUNDLE, state.inbox() / "v1.bundle");
  std::ofstream(state.inbox() / "v1.bundle.minisig") << "sig";
  StateLock held(state, 0ms);
  InstallOptions options;
  options.lock_wait = 50ms;
  auto report = process_inbox(state, options, kAll, 0ms);
  REQUIRE(report.set_aside.size() == 1);
  CHECK(report.set_aside[0].find(state.inbox().string() + ": " + state.root.string() +
                                 ": another install or rollback is still running here") == 0);
  CHECK(report.retry_in >= 5000ms);
  CHECK(report.installs.empty());
  CHECK(fs::exists(state.inbox() / "v1.bundle"));
}

TEST_CASE("inbox errors: no inbox means nothing waits, and nothing is made") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto report = process_inbox(state, InstallOptions{}, kAll, 0ms);
  CHECK(report.set_aside.empty());
  CHECK(report.installs.empty());
  CHECK_FALSE(fs::exists(state.root));
}

TEST_CASE("inbox errors: a record edited by hand is escaped for status, one escaped already is not escaped twice") {
  ScratchDir dir;
  StateDir state{dir.path};
  std::ofstream(state.inbox_refusals()) << "12 34 2026-01-01T00:00:00Z two\\nlines.bundle: not signed\n"
                                           "56 78 2026-01-02T00:00:00Z raw\x1b[2J.bundle: not signed\n";
  auto summary = refused_summary(state);
  CHECK(summary.recent == std::vector<std::string>{"2026-01-02T00:00:00Z raw\\x1b[2J.bundle: not signed",
                                                   "2026-01-01T00:00:00Z two\\nlines.bundle: not signed"});
  CHECK(summary.newest == summary.recent.front());
}

TEST_CASE("inbox errors: damaged lines of the refusal records are skipped, the good ones kept") {
  ScratchDir dir;
  StateDir state{dir.path};
  std::ofstream(state.inbox_refusals()) << "12 34 2026-01-01T00:00:00Z a.bundle: not signed\n"
                                           "not numbers at all\n"
                                           "56\n"
                                           "78 90 2026-01-02T00:00:00Z b.bundle: does not validate\n";
  auto records = read_refusals(state);
  REQUIRE(records.size() == 2);
  CHECK(records[0].inode == 12);
  CHECK(records[0].change_ns == 34);
  CHECK(records[0].what == "a.bundle: not signed");
  CHECK(records[1].what == "b.bundle: does not validate");
  auto summary = refused_summary(state);  // no inbox: nothing counted, the newest record still told
  CHECK(summary.count == 0);
  CHECK(summary.newest == "2026-01-02T00:00:00Z b.bundle: does not validate");
  CHECK(summary.recent == std::vector<std::string>{"2026-01-02T00:00:00Z b.bundle: does not validate",
                                                   "2026-01-01T00:00:00Z a.bundle: not signed"});

  write_refusals(StateDir{dir.path / "missing"}, records);  // best effort: no throw, nothing made
  CHECK_FALSE(fs::exists(dir.path / "missing"));
  fs::remove(state.inbox_refusals());
  fs::create_directories(state.inbox_refusals());  // a folder is no record
  CHECK(read_refusals(state).empty());
}

TEST_CASE("inbox errors: only NAME.refused and NAME.refused-N are refused names") {
  CHECK(is_refused_name("a.bundle.refused"));
  CHECK(is_refused_name("a.bundle.refused-2"));
  CHECK(is_refused_name("a.bundle.refused-10"));
  CHECK_FALSE(is_refused_name(".refused"));
  CHECK_FALSE(is_refused_name("a.bundle"));
  CHECK_FALSE(is_refused_name("a.bundle.refused-"));
  CHECK_FALSE(is_refused_name("a.bundle.refused-x"));
  CHECK_FALSE(is_refused_name("a.bundle.refusedx"));
}
