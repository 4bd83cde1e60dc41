#include <doctest/doctest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "bundle_fixture.h"
#include "installer_fixture.h"
#include "kiosk/content/bundle.h"
#include "kiosk/ops/highest_version.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/minisign.h"
#include "kiosk/ops/trust.h"
#include "skip.h"

using namespace kiosk::ops;
namespace fs = std::filesystem;

namespace {

int64_t current_version(const StateDir& state) {
  return kiosk::content::Bundle::open(state.current()).info().version;
}

}  // namespace

TEST_CASE("installer: installs, switches current, keeps previous, and rolls back") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto r1 = install_bundle(version_of_tiny(dir, 1), state, unsigned_ok(), kNoSignature);
  REQUIRE_MESSAGE(r1.ok, r1.message);
  CHECK(current_version(state) == 1);
  auto r2 = install_bundle(version_of_tiny(dir, 2), state, unsigned_ok(), kNoSignature);
  REQUIRE_MESSAGE(r2.ok, r2.message);
  CHECK(current_version(state) == 2);
  CHECK(kiosk::content::Bundle::open(state.previous()).info().version == 1);
  CHECK(fs::read_symlink(state.current()).is_relative());  // the state directory can move

  auto back = rollback(state);
  REQUIRE_MESSAGE(back.ok, back.message);
  CHECK(current_version(state) == 1);
  CHECK(kiosk::content::Bundle::open(state.previous()).info().version == 2);

  auto status = read_status(state);
  REQUIRE(status.current.has_value());
  CHECK(status.current->version == 1);
  CHECK(status.bundles.size() == 2);
  CHECK(status.history.size() == 3);
  CHECK(status.history.back().find("rollback ok") != std::string::npos);
}

TEST_CASE("installer: with a pinned report, only a bundle carrying that report installs") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto options = unsigned_ok();
  options.report_sha256 = std::string(64, '0');
  auto other = install_bundle(version_of_tiny(dir, 1), state, options, kNoSignature);
  CHECK_FALSE(other.ok);
  CHECK(other.message.find("does not validate: source document: the report it carries has sha256 ") !=
        std::string::npos);
  CHECK(other.message.find(", not " + options.report_sha256) != std::string::npos);
  options.report_sha256 = kiosk::content::Bundle::open(KIOSK_TINY_BUNDLE).source_document()->sha256;
  auto pinned = install_bundle(version_of_tiny(dir, 1), state, options, kNoSignature);
  CHECK_MESSAGE(pinned.ok, pinned.message);
}

TEST_CASE("installer: refuses a version that is not newer, unless told to") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 5), state, unsigned_ok(), kNoSignature).ok);
  auto same = install_bundle(version_of_tiny(dir, 5), state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(same.ok);
  CHECK(same.message.find("version 5 is not newer than the installed version 5") != std::string::npos);
  auto older = install_bundle(version_of_tiny(dir, 4), state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(older.ok);
  auto options = unsigned_ok();
  options.allow_downgrade = true;
  CHECK(install_bundle(version_of_tiny(dir, 4), state, options, kNoSignature).ok);
  CHECK(current_version(state) == 4);
}

TEST_CASE("installer: after a rollback, a version below the highest ever installed is still a downgrade") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 3), state, unsigned_ok(), kNoSignature).ok);
  REQUIRE(install_bundle(version_of_tiny(dir, 4), state, unsigned_ok(), kNoSignature).ok);
  REQUIRE(rollback(state).ok);
  CHECK(current_version(state) == 3);
  auto older = install_bundle(version_of_tiny(dir, 2), state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(older.ok);
  CHECK_MESSAGE(
      older.message.find("version 2 is not newer than the highest installed version 4 (current is version 3") !=
          std::string::npos,
      older.message);
  CHECK(current_version(state) == 3);
  // Rolling back to the previous bundle stays allowed, in both directions.
  REQUIRE(rollback(state).ok);
  CHECK(current_version(state) == 4);
  REQUIRE(rollback(state).ok);
  auto options = unsigned_ok();
  options.allow_downgrade = true;
  auto forced = install_bundle(version_of_tiny(dir, 2), state, options, kNoSignature);
  REQUIRE_MESSAGE(forced.ok, forced.message);
  CHECK(current_version(state) == 2);
  // The record never goes down: 3 is still below the highest, 4.
  CHECK(*read_highest_version(state) == 4);
  REQUIRE(rollback(state).ok);  // back to 3
  CHECK_FALSE(install_bundle(version_of_tiny(dir, 4), state, unsigned_ok(), kNoSignature).ok);
  CHECK(install_bundle(version_of_tiny(dir, 5), state, unsigned_ok(), kNoSignature).ok);
  CHECK(*read_highest_version(state) == 5);
}

TEST_CASE("installer: a state directory without a highest-version record counts current and previous") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 3), state, unsigned_ok(), kNoSignature).ok);
  REQUIRE(install_bundle(version_of_tiny(dir, 4), state, unsigned_ok(), kNoSignature).ok);
  REQUIRE(rollback(state).ok);
  fs::remove(state.highest_version());  // as an older version left it
  auto older = install_bundle(version_of_tiny(dir, 2), state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(older.ok);
  CHECK(older.message.find("the highest installed version 4") != std::string::npos);
  REQUIRE(install_bundle(version_of_tiny(dir, 5), state, unsigned_ok(), kNoSignature).ok);
  CHECK(*read_highest_version(state) == 5);
}

TEST_CASE("installer: a damaged highest-version record refuses installs and never allows a downgrade") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 3), state, unsigned_ok(), kNoSignature).ok);
  for (const char* damage : {"", "x7\n", "4 5\n", "99999999999999999999\n"}) {
    std::ofstream(state.highest_version(), std::ios::trunc) << damage;
    auto r = install_bundle(version_of_tiny(dir, 9), state, unsigned_ok(), kNoSignature);
    CHECK_FALSE(r.ok);
    CHECK_MESSAGE(r.message == state.highest_version().string() +
                                   ": the record of the highest installed version is damaged (expected one whole "
                                   "number); installs are refused until it is removed or replaced (--allow-downgrade "
                                   "replaces it)",
                  r.message);
    CHECK(current_version(state) == 3);
  }
  fs::remove(state.highest_version());
  fs::create_symlink("/dev/zero", state.highest_version());
  auto link = install_bundle(version_of_tiny(dir, 9), state, unsigned_ok(), kNoSignature);
  CHECK(link.message.find("highest-version: the record of the highest installed version cannot be read (not a regular "
                          "file)") != std::string::npos);
  // --allow-downgrade is the operator's word: it installs and writes a good record again.
  auto options = unsigned_ok();
  options.allow_downgrade = true;
  REQUIRE(install_bundle(version_of_tiny(dir, 2), state, options, kNoSignature).ok);
  CHECK(*read_highest_version(state) == 3);  // current was 3 before the downgrade
  CHECK_FALSE(fs::is_symlink(state.highest_version()));
}

TEST_CASE("installer: refuses unsigned bundles and bad signatures, and changes nothing") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto bundle = version_of_tiny(dir, 1);
  auto unsigned_result = install_bundle(bundle, state, InstallOptions{}, kNoSignature);
  CHECK_FALSE(unsigned_result.ok);
  CHECK(unsigned_result.message.find("not signed") != std::string::npos);
  std::ofstream(bundle.string() + ".minisig") << "untrusted comment: x\n";
  SignatureCheck refuse = [](const fs::path&, const fs::path&) {
    return std::string("signed by key 0123, not a trusted key");
  };
  auto bad = install_bundle(bundle, state, InstallOptions{}, refuse);
  CHECK_FALSE(bad.ok);
  CHECK(bad.message.find("not a trusted key") != std::string::npos);
  CHECK_FALSE(fs::exists(state.current()));
  for (const auto& entry : fs::directory_iterator(state.bundles())) FAIL("left behind: " << entry.path());
}

TEST_CASE("installer: a bundle whose name leaves no room for its signature says so, not only that it is unsigned") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto name = dir.path / (std::string(248 - 7, 'b') + ".bundle");
  fs::copy_file(version_of_tiny(dir, 1), name);
  auto result = install_bundle(name, state, InstallOptions{}, kNoSignature);
  CHECK_FALSE(result.ok);
  CHECK(result.message == name.string() +
                              ": not signed: the name is too long to have a signature beside it (256 bytes with "
                              ".minisig, over 255); rename it to at most 247 bytes");
  CHECK_FALSE(fs::exists(state.current()));
}

TEST_CASE("installer: the copy is what gets verified, never the original") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto bundle = version_of_tiny(dir, 1);
  std::ofstream(bundle.string() + ".minisig") << "sig";
  fs::path checked;
  fs::perms copy_mode{}, directory_mode{};
  SignatureCheck spy = [&](const fs::path& file, const fs::path&) {
    checked = file;
    copy_mode = fs::symlink_status(file).permissions();
    directory_mode = fs::symlink_status(file.parent_path()).permissions();
    return std::string();
  };
  REQUIRE(install_bundle(bundle, state, InstallOptions{}, spy).ok);
  CHECK(checked.parent_path() == state.incoming());
  CHECK(checked != bundle);
  // Nobody but the kiosk's user may read a copy before it is known to be a signed bundle.
  CHECK(copy_mode == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(directory_mode == fs::perms::owner_all);
}

TEST_CASE("installer: a bundle that fails validate, a missing file and a directory are refused") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto broken = dir.copy_of_tiny("broken.bundle");
  tamper(broken, "UPDATE font SET bytes = zeroblob(10) WHERE role = 'bold'");
  auto r = install_bundle(broken, state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("does not validate: font 'bold'") != std::string::npos);
  auto missing = install_bundle(dir.path / "gone.bundle", state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(missing.ok);
  CHECK(missing.message.find("cannot read: No such file or directory") != std::string::npos);
  auto folder = install_bundle(dir.path, state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(folder.ok);
  CHECK(folder.message.find("not a regular file") != std::string::npos);
  CHECK_FALSE(fs::exists(state.current()));
}

TEST_CASE("installer: a state directory without write permission is named") {
  if (::geteuid() == 0) KIOSK_SKIP("root writes anywhere; the end-to-end test covers this as another user");
  ScratchDir dir;
  fs::create_directories(dir.path / "ro");
  fs::permissions(dir.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  auto r = install_bundle(version_of_tiny(dir, 1), StateDir{dir.path / "ro"}, unsigned_ok(), kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(r.message == (dir.path / "ro").string() + ": the state directory is not writable");
  fs::permissions(dir.path / "ro", fs::perms::owner_all);
}

TEST_CASE("installer: a full disk leaves nothing half-written and current untouched") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 1), state, unsigned_ok(), kNoSignature).ok);
  auto next = version_of_tiny(dir, 2);
  // A file-size limit below the bundle's size fails the copy's write as a full disk would.
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old{};
  getrlimit(RLIMIT_FSIZE, &old);
  rlimit tight = old;
  tight.rlim_cur = 64 * 1024;
  setrlimit(RLIMIT_FSIZE, &tight);
  auto r = install_bundle(next, state, unsigned_ok(), kNoSignature);
  setrlimit(RLIMIT_FSIZE, &old);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("cannot write") != std::string::npos);
  CHECK(current_version(state) == 1);
  for (const auto& entry : fs::directory_iterator(state.bundles()))
    CHECK(entry.path().filename().string().rfind(".incoming", 0) != 0);
}

TEST_CASE("installer: rollback without a previous bundle says so") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto r = rollback(state);
  CHECK_FALSE(r.ok);
  CHECK(r.message == "there is no previous bundle to roll back to");
}

TEST_CASE("installer: pruning keeps current, previous, the newest and any bundle a kiosk has open") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto options = unsigned_ok();
  options.keep = 1;
  REQUIRE(install_bundle(version_of_tiny(dir, 1), state, options, kNoSignature).ok);
  auto held = hold_open(state.current());  // a kiosk shows version 1
  REQUIRE(held);
  for (int v = 2; v <= 5; ++v) REQUIRE(install_bundle(version_of_tiny(dir, v), state, options, kNoSignature).ok);
  auto status = read_status(state);
  std::set<int64_t> versions;
  for (const auto& b : status.bundles) versions.insert(b.version);
  CHECK(versions == std::set<int64_t>{1, 3, 4, 5});  // 5 current, 4 previous, 3 kept, 1 open
}

TEST_CASE("installer: a bundle still being written while it is copied is refused") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto growing = dir.copy_of_tiny("growing.bundle");
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    std::ofstream out(growing, std::ios::app | std::ios::binary);
    while (!stop) {
      out.write("x", 1);
      out.flush();
    }
  });
  // The writer may be between two writes for a whole copy; a few tries see it at work.
  InstallResult r;
  StateDir attempt_state = state;
  for (int attempt = 0; attempt < 50; ++attempt) {
    attempt_state = StateDir{dir.path / ("state" + std::to_string(attempt))};
    r = install_bundle(growing, attempt_state, unsigned_ok(), kNoSignature);
    if (!r.ok) break;
  }
  stop = true;
  writer.join();
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("changed while it was copied (is it still being written?)") != std::string::npos);
  CHECK_FALSE(fs::exists(attempt_state.current()));
}

TEST_CASE("installer: a file larger than any bundle is refused before a byte is copied") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  auto huge = dir.path / "huge.bundle";
  std::ofstream(huge).close();
  fs::resize_file(huge, static_cast<uintmax_t>(kMaxBundleBytes) + 1);  // sparse: no disk used
  auto r = install_bundle(huge, state, unsigned_ok(), kNoSignature);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("bytes; the limit is 536870912") != std::string::npos);
  CHECK(fs::is_empty(state.incoming()));
}

TEST_CASE("installer: status names the key that signed a bundle, and where that key is trusted") {
  ScratchDir dir;
  auto bundle = version_of_tiny(dir, 1);
  auto key = generate_secret_key();
  auto other = generate_secret_key();
  Trust trust;
  trust.keys = {other.public_key(), key.public_key()};
  trust.sources = {"security.trusted_keys", "hall.pub"};
  CHECK(describe_signature(bundle, trust) == "unsigned");
  CHECK(summarize_signature(bundle, trust).kind == SignatureSummary::Unsigned);
  sign_file(bundle, key);
  CHECK(signature_key_id(bundle.string() + ".minisig") == key.public_key().key_id_hex());
  CHECK(describe_signature(bundle, trust) == "signed by key " + key.public_key().key_id_hex() + " (hall.pub)");
  // The panel words the same facts itself, from their parts.
  auto trusted = summarize_signature(bundle, trust);
  CHECK(trusted.kind == SignatureSummary::Trusted);
  CHECK(trusted.key_id == key.public_key().key_id_hex());
  CHECK(trusted.source == "hall.pub");
  trust.keys.pop_back();
  CHECK(describe_signature(bundle, trust) ==
        "signed by key " + key.public_key().key_id_hex() + ", which is not trusted now");
  auto untrusted = summarize_signature(bundle, trust);
  CHECK(untrusted.kind == SignatureSummary::Untrusted);
  CHECK(untrusted.key_id == key.public_key().key_id_hex());
  CHECK(untrusted.source.empty());
  std::ofstream(bundle.string() + ".minisig", std::ios::trunc) << "damaged";
  CHECK(describe_signature(bundle, trust) == "signed (its .minisig cannot be read)");
  CHECK(summarize_signature(bundle, trust).kind == SignatureSummary::Unreadable);

  // The history says which key an install verified.
  StateDir state{dir.path / "state"};
  auto signed_bundle = version_of_tiny(dir, 2);
  sign_file(signed_bundle, key);
  SignatureCheck accept = [](const fs::path&, const fs::path&) { return std::string(); };
  REQUIRE(install_bundle(signed_bundle, state, InstallOptions{}, accept).ok);
  CHECK(state.history_lines(1).back().ends_with(" signed by key " + key.public_key().key_id_hex()));
  auto status = read_status(state);
  REQUIRE(status.current);
  CHECK(status.current->key_id == key.public_key().key_id_hex());
}

// The attacker review installed version 10^18: it went in, but the record of it (19 digits)
// read back as damaged, and every later install was refused.
TEST_CASE("installer: the largest versions are recorded and read back, and a newer one still installs") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  const int64_t huge = 1000000000000000000;  // 10^18
  REQUIRE(install_bundle(version_of_tiny(dir, huge), state, unsigned_ok(), kNoSignature).ok);
  CHECK(*read_highest_version(state) == huge);
  auto newer = install_bundle(version_of_tiny(dir, huge + 1), state, unsigned_ok(), kNoSignature);
  REQUIRE_MESSAGE(newer.ok, newer.message);
  CHECK(*read_highest_version(state) == huge + 1);
  CHECK_FALSE(install_bundle(version_of_tiny(dir, huge), state, unsigned_ok(), kNoSignature).ok);
  // A record beyond any 64-bit version is damaged, not read as some other number.
  std::ofstream(state.highest_version(), std::ios::trunc) << "99999999999999999999\n";
  CHECK_THROWS_AS(read_highest_version(state), FileError);
}

// The attacker review wrote raw escape sequences into history.log; `kioskctl status` printed
// them to the operator's terminal. A line that was not recorded escaped is escaped on reading;
// one that was is shown as it was recorded.
TEST_CASE("installer: a history line with raw control characters is escaped when read, a recorded one is not") {
  ScratchDir dir;
  StateDir state{dir.path / "state"};
  REQUIRE(install_bundle(version_of_tiny(dir, 3), state, unsigned_ok(), kNoSignature).ok);
  const std::string recorded = state.history_lines(1).back();
  std::ofstream(state.history(), std::ios::app) << "2026-01-01T00:00:00Z forged \x1b[2J\x1b]0;owned\x07 C:\\dir \xff\n"
                                                << "2026-01-01T00:00:01Z a name with a \\n escape\n";
  auto lines = state.history_lines(3);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == recorded);
  CHECK(lines[1] == "2026-01-01T00:00:00Z forged \\x1b[2J\\x1b]0;owned\\x07 C:\\\\dir \\xff");
  CHECK(lines[2] == "2026-01-01T00:00:01Z a name with a \\n escape");
}
