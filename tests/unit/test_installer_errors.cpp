// The installer and rollback when the state directory is not what it should be: each
// refusal names the place and the reason, and `current` is left as it was.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "bundle_fixture.h"
#include "installer_fixture.h"
#include "kiosk/content/bundle.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/minisign.h"
#include "kiosk/ops/state_lock.h"
#include "skip.h"
#include "small_tmpfs.h"

using namespace kiosk::ops;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("installer errors: a state directory that is a file, or whose bundles folder is not a folder") {
  ScratchDir dir;
  auto bundle = version_of_tiny(dir, 1);
  auto file = dir.write("state-file", "x");
  auto r = install_bundle(bundle, StateDir{file}, unsigned_ok(), kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(contains(r.message, file.string() + ": cannot create the state directory: "));

  StateDir state{dir.path / "state"};
  fs::create_directories(state.root);
  dir.write("state/bundles", "a file where the bundles go");
  r = install_bundle(bundle, state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(r.message == state.bundles().string() + ": is not a directory (a regular file)");
  fs::remove(state.bundles());

  fs::create_directories(dir.path / "elsewhere");
  fs::create_directory_symlink(dir.path / "elsewhere", state.inbox());
  r = install_bundle(bundle, state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(r.message == state.inbox().string() + ": is not a directory (a symbolic link)");
  CHECK_FALSE(fs::exists(state.current()));
  // Each refusal is in the history, naming the bundle it is about.
  auto history = state.history_lines(1);
  REQUIRE(history.size() == 1);
  CHECK(history[0].ends_with("install failed " + bundle.string() + ": " + state.inbox().string() +
                             ": is not a directory (a symbolic link)"));
}

TEST_CASE("installer errors: only the state directory itself is made, never the folders above it") {
  ScratchDir dir;
  auto bundle = version_of_tiny(dir, 1);
  auto r = install_bundle(bundle, StateDir{dir.path / "typo" / "state"}, unsigned_ok(), kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK_FALSE(r.made_state_dir);
  CHECK(r.message == (dir.path / "typo" / "state").string() +
                         ": cannot create the state directory: the folder it would be in does not exist");
  CHECK_FALSE(fs::exists(dir.path / "typo"));

  StateDir state{dir.path / "state"};
  r = install_bundle(bundle, state, unsigned_ok(), kNoSignature);
  REQUIRE_MESSAGE(r.ok, r.message);
  CHECK(r.made_state_dir);
  r = install_bundle(version_of_tiny(dir, 2), state, unsigned_ok(), kNoSignature);
  REQUIRE_MESSAGE(r.ok, r.message);
  CHECK_FALSE(r.made_state_dir);
}

TEST_CASE("installer errors: an incoming folder opened to others is closed again") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  fs::create_directories(state.incoming());
  ::chmod(state.incoming().c_str(), 0777);
  REQUIRE(install_bundle(version_of_tiny(dir, 1), state, unsigned_ok(), kNoSignature).ok);
  struct stat st {};
  REQUIRE(::stat(state.incoming().c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0700);
}

TEST_CASE("installer errors: a signature that is not a regular file is refused with its kind") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto bundle = version_of_tiny(dir, 1);
  REQUIRE(::mkfifo(signature_path_for(bundle).c_str(), 0600) == 0);
  auto r = install_bundle(bundle, state, InstallOptions{}, kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(r.message == signature_path_for(bundle).string() + ": not a regular file (a FIFO)");
  CHECK(fs::is_empty(state.incoming()));
}

TEST_CASE("installer errors: a lock held too long is named, for install and rollback alike") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 1), state, unsigned_ok(), kNoSignature).ok);
  REQUIRE(install_bundle(version_of_tiny(dir, 2), state, unsigned_ok(), kNoSignature).ok);
  StateLock held(state, 0ms);
  auto options = unsigned_ok();
  options.lock_wait = 50ms;
  auto r = install_bundle(version_of_tiny(dir, 3), state, options, kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(contains(r.message, "another install or rollback is still running here"));
  auto back = rollback(state, 50ms);
  CHECK_FALSE(back.ok);
  CHECK(contains(back.message, state.root.string() + ": another install or rollback is still running here"));
  CHECK(kiosk::content::Bundle::open(state.current()).info().version == 2);
  CHECK(contains(state.history_lines(1).back(), "rollback failed: "));
}

TEST_CASE("installer errors: a previous bundle that cannot be opened is not rolled back to") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 1), state, unsigned_ok(), kNoSignature).ok);
  REQUIRE(install_bundle(version_of_tiny(dir, 2), state, unsigned_ok(), kNoSignature).ok);
  auto previous = *state.target(state.previous());
  fs::resize_file(previous, 100);  // damaged on disk after it was installed
  auto r = rollback(state);
  CHECK_FALSE(r.ok);
  CHECK(r.message == previous.string() + ": the previous bundle cannot be opened");
  CHECK(kiosk::content::Bundle::open(state.current()).info().version == 2);
  CHECK(state.history_lines(1).back().ends_with("rollback failed: the previous bundle cannot be opened"));

  // Status still lists it, with the reason, and counts only what can be read.
  auto status = read_status(state);
  REQUIRE(status.previous);
  CHECK_FALSE(status.previous->problem.empty());
  CHECK(status.highest_version == 2);
}

TEST_CASE("installer errors: a link that cannot be switched fails the rollback and says why") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 1), state, unsigned_ok(), kNoSignature).ok);
  REQUIRE(install_bundle(version_of_tiny(dir, 2), state, unsigned_ok(), kNoSignature).ok);
  // `current` replaced by a folder with something in it: no link can be renamed over it.
  auto target = *state.target(state.previous());
  fs::remove(state.current());
  fs::create_directories(state.current() / "inside");
  auto r = rollback(state);
  CHECK_FALSE(r.ok);
  CHECK(contains(r.message, state.current().string() + ": cannot switch link: "));
  CHECK(fs::read_symlink(state.previous()).filename() == target.filename());
}

TEST_CASE("installer errors: a full state directory is named as full, and nothing is left in incoming") {
  ScratchDir dir;
  auto bundle = version_of_tiny(dir, 1);
  SmallTmpfs disk(dir.path / "disk", fs::file_size(bundle) / 1024 / 2);
  if (!disk.mounted()) KIOSK_SKIP("cannot mount a tmpfs here (" + disk.why_not + "); needs root");
  StateDir state{disk.path};
  auto r = install_bundle(bundle, state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(r.message == bundle.string() + ": the state directory " + state.root.string() +
                         " is full (No space left on device); free space there, then install again");
  CHECK(fs::is_empty(state.incoming()));
  CHECK_FALSE(fs::exists(state.current()));
}

TEST_CASE("installer errors: copies older versions left among the bundles are removed at the next install") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  fs::create_directories(state.bundles());
  auto left = state.bundles() / ".incoming-4242";
  std::ofstream(left) << "half a bundle";
  REQUIRE(install_bundle(version_of_tiny(dir, 1), state, unsigned_ok(), kNoSignature).ok);
  CHECK_FALSE(fs::exists(left));
}
