#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "bundle_fixture.h"
#include "kiosk/config/config.h"
#include "kiosk/ops/pin.h"
#include "kiosk/ops/pin_lockout.h"
#include "kiosk/show/pin_attempts.h"
#include "skip.h"

using namespace kiosk;

namespace {
std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("pin: hashed with Argon2id, checked, and a bad hash matches nothing") {
  CHECK(ops::valid_pin("2468"));
  CHECK_FALSE(ops::valid_pin("12a4"));
  CHECK_FALSE(ops::valid_pin("123"));
  auto hash = ops::hash_pin("2468");
  CHECK(hash.rfind("$argon2id$", 0) == 0);
  CHECK(hash.find("2468") == std::string::npos);
  CHECK(ops::pin_matches(hash, "2468"));
  CHECK_FALSE(ops::pin_matches(hash, "2469"));
  CHECK_FALSE(ops::valid_pin_hash("2468"));
  CHECK_FALSE(ops::pin_matches("$argon2id$garbage", "2468"));
  CHECK_FALSE(ops::pin_matches("", ""));
}

TEST_CASE("pin: written into the configuration, keeping its other lines") {
  ScratchDir dir;
  auto file = dir.path / "kiosk.toml";
  std::ofstream(file) << "# kiosk\n[display]\nmode = \"interactive\"\n";
  ops::write_pin_hash(file, "$argon2id$one");
  CHECK(read(file) == "# kiosk\n[display]\nmode = \"interactive\"\n\n[security]\npin_hash = \"$argon2id$one\"\n");
  ops::write_pin_hash(file, "$argon2id$two");
  CHECK(read(file).find("pin_hash = \"$argon2id$two\"") != std::string::npos);
  CHECK(read(file).find("$argon2id$one") == std::string::npos);
  auto loaded = config::load(file, true);
  CHECK(loaded.problems.empty());
  CHECK(loaded.config.pin_hash == "$argon2id$two");
  std::ofstream(file) << "[security]\nallow_unsigned = false\n";
  ops::write_pin_hash(file, "$argon2id$three");
  CHECK(read(file) == "[security]\npin_hash = \"$argon2id$three\"\nallow_unsigned = false\n");
}

TEST_CASE("pin: three wrong PINs lock the keypad, and the wait doubles") {
  show::PinAttempts attempts;
  attempts.failed(0);
  attempts.failed(1);
  CHECK(attempts.allowed(2));
  attempts.failed(2);
  CHECK_FALSE(attempts.allowed(10));
  CHECK(attempts.locked_until() == doctest::Approx(32));
  attempts.failed(40);
  CHECK(attempts.locked_until() == doctest::Approx(100));
  for (int i = 0; i < 20; ++i) attempts.failed(1000);
  CHECK(attempts.locked_until() == doctest::Approx(1000 + 15 * 60));
  attempts.succeeded();
  CHECK(attempts.failures() == 0);
}

TEST_CASE("pin: the lockout outlives a restart, and a damaged record reads as none") {
  ScratchDir dir;
  ops::StateDir state{dir.path};
  auto hash = ops::hash_pin("2468");
  {
    ops::PinGuard guard(hash, state);
    CHECK_FALSE(guard.check("1111", 1000).ok);
    CHECK_FALSE(guard.check("1111", 1001).ok);
    auto third = guard.check("1111", 1002);
    CHECK_FALSE(third.ok);
    CHECK(third.locked_for_s == 30);
  }
  // A new process (a restart) with the right PIN, still inside the wait: refused.
  ops::PinGuard restarted(hash, state);
  auto locked = restarted.check("2468", 1010);
  CHECK_FALSE(locked.ok);
  CHECK(locked.locked_for_s == 22);
  // After the wait the right PIN opens the panel and clears the record.
  CHECK(restarted.check("2468", 1040).ok);
  CHECK(ops::load_pin_lockout(state).failures == 0);

  std::ofstream(state.pin_lockout()) << "garbage\n";
  CHECK(ops::load_pin_lockout(state).failures == 0);
  CHECK(ops::PinGuard(hash, state).check("2468", 2000).ok);
}

TEST_CASE("pin: a read-only state directory still locks within the process") {
  ScratchDir dir;
  ops::PinGuard guard(ops::hash_pin("2468"), ops::StateDir{dir.path / "missing"});
  for (int i = 0; i < 3; ++i) guard.check("0000", 100 + i);
  CHECK(guard.check("2468", 110).locked_for_s > 0);
}

TEST_CASE("pin: a configuration that cannot be written keeps its old text, and the reason names the file") {
  ScratchDir dir;
  auto missing = dir.path / "no-such-dir" / "kiosk.toml";
  CHECK_THROWS_WITH_AS(ops::write_pin_hash(missing, "$argon2id$one"),
                       (missing.parent_path().string() + ": cannot open directory: No such file or directory").c_str(),
                       std::runtime_error);
  // A folder where the file should be: read as empty, then refused when renamed into place.
  auto folder = dir.path / "kiosk.toml";
  std::filesystem::create_directories(folder / "inside");
  CHECK_THROWS_WITH_AS(ops::write_pin_hash(folder, "$argon2id$one"),
                       doctest::Contains((folder.string() + ": cannot rename into place: Is a directory").c_str()),
                       std::runtime_error);
  CHECK(std::filesystem::is_directory(folder / "inside"));
  for (const auto& entry : std::filesystem::directory_iterator(dir.path))
    CHECK_MESSAGE(entry.path().filename().string().find(".tmp-") == std::string::npos, entry.path());
}

TEST_CASE("pin: only 4 to 12 digits are a PIN, and only an Argon2 hash libsodium reads is a hash") {
  CHECK(ops::valid_pin("1234"));
  CHECK(ops::valid_pin("123456789012"));
  CHECK_FALSE(ops::valid_pin("123"));
  CHECK_FALSE(ops::valid_pin("1234567890123"));
  CHECK_FALSE(ops::valid_pin(""));
  CHECK_FALSE(ops::valid_pin_hash(""));
  CHECK_FALSE(ops::valid_pin_hash("$2y$10$bcrypthashbcrypthashbcrypthash"));  // another scheme
  CHECK_FALSE(ops::valid_pin_hash("$argon2id$v=19$m=garbage"));
  CHECK_FALSE(ops::valid_pin_hash("$argon2id$" + std::string(200, 'a')));  // longer than any hash
  auto hash = ops::hash_pin("2468");
  CHECK(ops::valid_pin_hash(hash));
  CHECK_FALSE(ops::pin_matches("$argon2id$v=19$m=garbage", "2468"));
}

TEST_CASE("pin: a lockout record that cannot be replaced reports it and leaves no temporary file") {
  ScratchDir dir;
  ops::StateDir state{dir.path};
  std::filesystem::create_directories(state.pin_lockout() / "inside");
  CHECK_FALSE(ops::save_pin_lockout(state, {2, 500}));
  CHECK_FALSE(std::filesystem::exists(state.pin_lockout().string() + ".new"));
  CHECK(ops::load_pin_lockout(state).failures == 0);  // a folder is no record
  CHECK_FALSE(ops::save_pin_lockout(ops::StateDir{dir.path / "missing"}, {2, 500}));

  std::filesystem::remove_all(state.pin_lockout());
  CHECK(ops::save_pin_lockout(state, {2, 500}));
  auto loaded = ops::load_pin_lockout(state);
  CHECK(loaded.failures == 2);
  CHECK(loaded.locked_until_utc == 500);
  std::ofstream(state.pin_lockout(), std::ios::trunc) << "-1 500\n";  // no negative count
  CHECK(ops::load_pin_lockout(state).failures == 0);
}

TEST_CASE("pin: a configuration that cannot be read is named, and left as it was") {
  if (::geteuid() == 0) KIOSK_SKIP("root reads a file whatever its mode; run as another user to check this");
  ScratchDir dir;
  auto file = dir.write("kiosk.toml", "[display]\nmode = \"interactive\"\n");
  std::filesystem::permissions(file, std::filesystem::perms::none);
  CHECK_THROWS_WITH_AS(ops::write_pin_hash(file, "$argon2id$one"), (file.string() + ": cannot read").c_str(),
                       std::runtime_error);
  std::filesystem::permissions(file, std::filesystem::perms::owner_read);
  CHECK(read(file) == "[display]\nmode = \"interactive\"\n");
}

// The attacker review: pin set appended a hash to a file that does not parse, replaced one
// of two duplicate keys, and replaced a symlinked configuration with a plain file.
TEST_CASE("pin: a file the kiosk would not read the hash from is left as it was; a link is written through") {
  ScratchDir dir;
  const std::pair<const char*, const char*> refused[] = {
      {"[display\nmode = \"interactive\"\n", "kiosk.toml:1"},
      {"[security]\npin_hash = \"a\"\npin_hash = \"b\"\n", "kiosk.toml:3"},
      {"[display]\npin_hash = \"x\"\n", "display.pin_hash: unknown key"},
  };
  for (const auto& [text, why] : refused) {
    auto file = dir.write("kiosk.toml", text);
    CHECK_THROWS_WITH_AS(ops::write_pin_hash(file, "$argon2id$one"), doctest::Contains(why), std::runtime_error);
    CHECK(read(file) == text);
  }
  auto target = dir.write("managed.toml", "[display]\nmode = \"interactive\"\n");
  auto link = dir.path / "linked.toml";
  std::filesystem::create_symlink(target, link);
  ops::write_pin_hash(link, "$argon2id$one");
  CHECK(std::filesystem::is_symlink(link));
  CHECK(config::load(target, true).config.pin_hash == "$argon2id$one");
  auto dangling = dir.path / "dangling.toml";
  std::filesystem::create_symlink(dir.path / "nowhere.toml", dangling);
  CHECK_THROWS_WITH_AS(ops::write_pin_hash(dangling, "$argon2id$one"), doctest::Contains("which does not exist"),
                       std::runtime_error);
  CHECK_FALSE(std::filesystem::exists(dir.path / "nowhere.toml"));
}
