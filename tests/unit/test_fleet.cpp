// The fleet layer without a web server: manifests, rollout buckets, zstd patches,
// publishing, and whole poll rounds against a channel served from a folder (file://),
// as a site without a network would serve it. tests/scripts/cli_fleet_nginx.sh does the
// same over HTTP against a real nginx.

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>

#include "bundle_fixture.h"
#include "installer_fixture.h"
#include "kiosk/base/fd.h"
#include "kiosk/config/config.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/sha256.h"
#include "kiosk/fleet/kiosk_id.h"
#include "kiosk/fleet/manifest.h"
#include "kiosk/fleet/metrics.h"
#include "kiosk/fleet/patch.h"
#include "kiosk/fleet/poll.h"
#include "kiosk/fleet/poller.h"
#include "kiosk/fleet/publish.h"
#include "kiosk/fleet/rollout.h"
#include "kiosk/fleet/status.h"
#include "kiosk/fleet/trial.h"
#include "kiosk/ops/minisign.h"
#include "kiosk/ops/trust.h"

using namespace kiosk::fleet;
namespace fs = std::filesystem;

namespace {

constexpr std::time_t kNow = 1'800'000'000;  // 2027-01-15

Manifest sample_manifest() {
  Manifest m;
  m.channel = "hall";
  m.serial = 3;
  m.published = kNow;
  m.expires = kNow + 86400;
  m.bundle_id = "heping \"report\"";
  m.version = 12;
  m.bundle = {"../bundles/" + std::string(64, 'a') + ".bundle", std::string(64, 'a'), 1234};
  m.rollout_percent = 25;
  m.groups = {"east-hall", "west"};
  m.patch = Patch{11, std::string(64, 'b'), {"../patches/x.zst", std::string(64, 'c'), 99}};
  return m;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

std::string parse_error(const std::string& text) {
  try {
    parse_manifest(text, "m.toml");
  } catch (const ManifestError& e) {
    return e.what();
  }
  return "(accepted)";
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_all(const fs::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// A kiosk's state directory and a channel tree in a folder, with the publisher's key
// trusted by the kiosk.
struct FleetFixture {
  ScratchDir dir;
  kiosk::ops::MinisignSecretKey key = kiosk::ops::generate_secret_key();
  fs::path tree = dir.path / "tree";
  kiosk::ops::StateDir state{dir.path / "state"};
  FleetSettings settings;

  FleetFixture() {
    fs::create_directories(state.root);
    settings.channels = {"file://" + (tree / "channels" / "hall.toml").string()};
    settings.kiosk_id = "kiosk-test";
  }

  PublishResult publish_version(int64_t version, int percent = 100, std::vector<std::string> groups = {}) {
    PublishOptions options;
    options.channel = "hall";
    options.out = tree;
    options.now = kNow;
    options.rollout_percent = percent;
    options.groups = std::move(groups);
    return publish(version_of_tiny(dir, version), key, options);
  }

  PollResult poll(std::time_t now = kNow + 60) {
    kiosk::ops::Trust trust;
    trust.keys = {key.public_key()};
    trust.sources = {"test"};
    kiosk::ops::InstallOptions install;
    return poll_once(settings, state, install, kiosk::ops::signature_check(trust), trust.keys, now);
  }

  int64_t current_version() const { return kiosk::content::Bundle::open(state.current()).info().version; }
  fs::path manifest() const { return tree / "channels" / "hall.toml"; }

  // Replaces the channel's manifest with `text`, signed by `signer`.
  void serve_manifest(const std::string& text, const kiosk::ops::MinisignSecretKey& signer) {
    write_all(manifest(), text);
    kiosk::ops::sign_file(manifest(), signer);
  }
};

std::string log_of(const PollResult& r) {
  std::string out;
  for (const auto& line : r.log) out += line + "\n";
  for (const auto& c : r.channels) out += c.message + "\n";
  out += r.install_message;
  return out;
}

}  // namespace

TEST_CASE("fleet manifest: written and read back the same") {
  Manifest m = sample_manifest();
  Manifest back = parse_manifest(manifest_text(m), "m.toml");
  CHECK(back.channel == m.channel);
  CHECK(back.serial == m.serial);
  CHECK(back.published == m.published);
  CHECK(back.expires == m.expires);
  CHECK(back.bundle_id == m.bundle_id);
  CHECK(back.version == m.version);
  CHECK(back.bundle.url == m.bundle.url);
  CHECK(back.bundle.sha256 == m.bundle.sha256);
  CHECK(back.bundle.size == m.bundle.size);
  CHECK(back.rollout_percent == 25);
  CHECK(back.groups == m.groups);
  REQUIRE(back.patch);
  CHECK(back.patch->from_version == 11);
  CHECK(back.patch->file.size == 99);
  m.patch.reset();
  CHECK_FALSE(parse_manifest(manifest_text(m), "m.toml").patch);
}

TEST_CASE("fleet manifest: each kind of bad manifest is refused with the place and the reason") {
  const std::string good = manifest_text(sample_manifest());
  CHECK(parse_error(good) == "(accepted)");
  CHECK(parse_error(good + "extra = 1\n") == "m.toml:25: patch.extra is not a key of a format 1 manifest");
  CHECK(parse_error(replaced(good, "format = 1", "format = 2")) ==
        "m.toml:2: format is not 1: this manifest was written by a newer kioskctl; update this kiosk");
  CHECK(parse_error(replaced(good, "channel = \"hall\"", "channel = \"../etc\"")) ==
        "m.toml:3: channel may hold only a-z, 0-9, '.', '_' and '-'");
  CHECK(parse_error(replaced(good, "serial = 3", "serial = 0")).find("serial must be from 1 to") != std::string::npos);
  CHECK(parse_error(replaced(good, "serial = 3", "serial = \"3\"")) == "m.toml:4: serial must be an integer");
  CHECK(parse_error(replaced(good, "expires = 2027-01-16T08:00:00Z", "expires = 2027-01-16T08:00:00")) ==
        "m.toml:6: expires must be a date and time with its offset (2027-01-02T10:00:00Z)");
  CHECK(parse_error(replaced(good, "expires = 2027-01-16T08:00:00Z", "expires = 2027-01-15T08:00:00Z")) ==
        "m.toml:6: expires must be after published");
  CHECK(parse_error(replaced(good, "sha256 = \"" + std::string(64, 'a'), "sha256 = \"" + std::string(64, 'A'))) ==
        "m.toml:11: bundle.sha256 must be 64 lowercase hex digits");
  CHECK(parse_error(replaced(good, "percent = 25", "percent = 101")) ==
        "m.toml:16: rollout.percent must be from 0 to 100");
  CHECK(parse_error(replaced(good, "\"west\"", "\"West Hall\"")) ==
        "m.toml:17: rollout.groups: \"West Hall\" may hold only a-z, 0-9, '.', '_' and '-'");
  CHECK(parse_error(replaced(good, "url = \"../patches/x.zst\"", "url = \"a b\"")) ==
        "m.toml:24: patch.url holds a character a URL may not");
  CHECK(parse_error(replaced(good, "[rollout]", "[rollouts]")).find("rollouts is not a key") != std::string::npos);
  CHECK(parse_error("format = 1\nchannel = ").find("m.toml:2: not TOML") == 0);
  CHECK(parse_error(good + "# " + std::string(kMaxManifestBytes, 'x')) ==
        "m.toml: the manifest is larger than 65536 bytes");
  auto no_bundle = good.substr(0, good.find("[bundle]"));
  CHECK(parse_error(no_bundle) == "m.toml: [bundle] is missing");
}

TEST_CASE("fleet rollout: stable buckets, even spread, and groups") {
  CHECK(rollout_bucket("kiosk-a", 7) == rollout_bucket("kiosk-a", 7));
  Manifest m = sample_manifest();
  std::vector<int> per_bucket(100, 0);
  int moved = 0;
  for (int i = 0; i < 10000; ++i) {
    std::string id = "kiosk-" + std::to_string(i);
    int bucket = rollout_bucket(id, m.version);
    REQUIRE(bucket >= 0);
    REQUIRE(bucket < 100);
    ++per_bucket[bucket];
    if (bucket != rollout_bucket(id, m.version + 1)) ++moved;
  }
  // 100 kiosks a bucket on average; a fair hash keeps each within ±45 (4.5 sigma).
  for (int count : per_bucket) CHECK(std::abs(count - 100) < 45);
  CHECK(moved > 9500);  // another version, another order

  for (int percent : {0, 10, 50, 100}) {
    m.rollout_percent = percent;
    m.groups.clear();
    int in = 0;
    for (int i = 0; i < 10000; ++i) in += in_rollout(m, "kiosk-" + std::to_string(i), "") ? 1 : 0;
    CHECK(std::abs(in - percent * 100) <= 300);
    if (percent == 0) CHECK(in == 0);
    if (percent == 100) CHECK(in == 10000);
  }
  // Raising the percentage only adds kiosks.
  for (int i = 0; i < 2000; ++i) {
    std::string id = "kiosk-" + std::to_string(i);
    m.rollout_percent = 20;
    bool at20 = in_rollout(m, id, "");
    m.rollout_percent = 60;
    if (at20) CHECK(in_rollout(m, id, ""));
  }
  m.rollout_percent = 0;
  m.groups = {"east-hall"};
  CHECK(in_rollout(m, "kiosk-1", "east-hall"));
  CHECK_FALSE(in_rollout(m, "kiosk-1", "west"));
  CHECK_FALSE(in_rollout(m, "kiosk-1", ""));
}

TEST_CASE("fleet patch: applies to its old bundle only, and the zstd tool reads it too") {
  ScratchDir dir;
  auto v1 = version_of_tiny(dir, 1), v2 = version_of_tiny(dir, 2);
  tamper(v2, "UPDATE bundle SET title_en = 'Changed title for version 2'");
  auto patch = dir.path / "p.zst", out = dir.path / "out.bundle";
  make_patch(v1, v2, patch);
  CHECK(fs::file_size(patch) < fs::file_size(v2) / 10);
  apply_patch(v1, patch, out, static_cast<int64_t>(fs::file_size(v2)));
  CHECK(kiosk::content::sha256_file_hex(out) == kiosk::content::sha256_file_hex(v2));

  // Another old bundle: zstd's checksum or the content tells.
  auto other = version_of_tiny(dir, 5);
  tamper(other, "UPDATE bundle SET title_zh = '另一个'");
  bool refused = false;
  try {
    apply_patch(other, patch, out, static_cast<int64_t>(fs::file_size(v2)));
    refused = kiosk::content::sha256_file_hex(out) != kiosk::content::sha256_file_hex(v2);
  } catch (const PatchError&) {
    refused = true;
  }
  CHECK(refused);
  // Too large a result, and a truncated patch.
  CHECK_THROWS_WITH_AS(apply_patch(v1, patch, out, 1000),
                       doctest::Contains("its result is larger than the 1000 bytes expected"), PatchError);
  auto cut = dir.path / "cut.zst";
  auto bytes = read_all(patch);
  write_all(cut, bytes.substr(0, bytes.size() / 2));
  CHECK_THROWS_AS(apply_patch(v1, cut, out, static_cast<int64_t>(fs::file_size(v2))), PatchError);

  if (std::system("command -v zstd >/dev/null") == 0) {
    auto by_tool = dir.path / "tool.bundle";
    std::string command = "zstd -q -d --long=" +
                          std::to_string(patch_window_log(static_cast<int64_t>(fs::file_size(v1)),
                                                          static_cast<int64_t>(fs::file_size(v2)))) +
                          " --patch-from='" + v1.string() + "' '" + patch.string() + "' -o '" + by_tool.string() + "'";
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK(kiosk::content::sha256_file_hex(by_tool) == kiosk::content::sha256_file_hex(v2));
  }
}

TEST_CASE("fleet publish: a static tree, serials that rise, versions that may not fall") {
  FleetFixture f;
  auto first = f.publish_version(1);
  CHECK(first.manifest.serial == 1);
  CHECK_FALSE(first.manifest.patch);
  const auto sha1 = first.manifest.bundle.sha256;
  CHECK(fs::is_regular_file(f.tree / "bundles" / (sha1 + ".bundle")));
  CHECK(kiosk::ops::verify_file(f.tree / "bundles" / (sha1 + ".bundle"), f.key.public_key()).ok());
  CHECK(kiosk::ops::verify_file(f.manifest(), f.key.public_key()).ok());

  auto second = f.publish_version(2, 30, {"east-hall"});
  CHECK(second.manifest.serial == 2);
  REQUIRE(second.manifest.patch);
  CHECK(second.manifest.patch->from_sha256 == sha1);
  CHECK(fs::is_regular_file(f.tree / "patches" / (sha1 + "-" + second.manifest.bundle.sha256 + ".zst")));
  CHECK(parse_manifest(read_all(f.manifest()), "m").groups == std::vector<std::string>{"east-hall"});

  // Re-signing the same release with a new rollout is a new serial.
  auto again = f.publish_version(2, 100);
  CHECK(again.manifest.serial == 3);
  CHECK(again.written.size() == 2);  // only the manifest and its signature
  REQUIRE(again.manifest.patch);     // still there for kiosks on version 1
  CHECK(again.manifest.patch->file.sha256 == second.manifest.patch->file.sha256);

  CHECK_THROWS_WITH_AS(f.publish_version(1),
                       doctest::Contains("version 1 is below the version 2 channel 'hall' carries"), PublishError);
  auto other2 = version_of_tiny(f.dir, 2);
  tamper(other2, "UPDATE bundle SET title_en = 'Another'");
  PublishOptions options;
  options.channel = "hall";
  options.out = f.tree;
  options.now = kNow;
  CHECK_THROWS_WITH_AS(publish(other2, f.key, options),
                       doctest::Contains("already carries another bundle as version 2"), PublishError);
  // A bundle that does not validate is not published, and nothing is left of it.
  auto bad = version_of_tiny(f.dir, 9);
  tamper(bad, "UPDATE item SET title_zh = ''");
  CHECK_THROWS_WITH_AS(publish(bad, f.key, options), doctest::Contains("the bundle does not validate"), PublishError);
  int files = 0;
  for (const auto& e : fs::directory_iterator(f.tree / "bundles"))
    files += e.path().filename().string()[0] == '.' ? 100 : 1;
  CHECK(files == 4);  // two bundles, two signatures, no staged copy
  CHECK(parse_manifest(read_all(f.manifest()), "m").serial == 3);
  options.channel = "Hall";
  CHECK_THROWS_WITH_AS(publish(other2, f.key, options), "channel name 'Hall' may hold only a-z, 0-9, '.', '_' and '-'",
                       PublishError);
}

TEST_CASE("fleet poll from a folder: installs, then a patch, and refuses what it must") {
  FleetFixture f;
  f.publish_version(1);
  auto r1 = f.poll();
  REQUIRE_MESSAGE(r1.installed, log_of(r1));
  CHECK(f.current_version() == 1);
  CHECK_FALSE(r1.used_patch);

  auto r2 = f.poll();
  CHECK_FALSE(r2.installed);
  CHECK_FALSE(r2.any_error());
  CHECK(r2.channels.at(0).unchanged);

  auto published2 = f.publish_version(2);
  const std::string manifest2 = read_all(f.manifest()), signature2 = read_all(f.manifest().string() + ".minisig");
  auto r3 = f.poll();
  REQUIRE_MESSAGE(r3.installed, log_of(r3));
  CHECK(r3.used_patch);
  CHECK(r3.bytes_downloaded == published2.manifest.patch->file.size);
  CHECK(f.current_version() == 2);

  SUBCASE("a replayed older manifest") {
    f.publish_version(2, 50);
    CHECK_FALSE(f.poll().any_error());
    write_all(f.manifest(), manifest2);
    write_all(f.manifest().string() + ".minisig", signature2);
    auto r = f.poll();
    REQUIRE(r.channels.at(0).error);
    CHECK(*r.channels[0].error == PollError::Replay);
    CHECK(r.channels[0].message.find("serial 2, and serial 3 was seen already") != std::string::npos);
  }
  SUBCASE("a manifest signed by a key the kiosk does not trust") {
    auto text = replaced(read_all(f.manifest()), "serial = 2", "serial = 9");
    f.serve_manifest(text, kiosk::ops::generate_secret_key());
    auto r = f.poll();
    REQUIRE(r.channels.at(0).error);
    CHECK(*r.channels[0].error == PollError::Signature);
  }
  SUBCASE("a manifest altered after it was signed") {
    write_all(f.manifest(), replaced(read_all(f.manifest()), "percent = 100", "percent = 99"));
    auto r = f.poll();
    REQUIRE(r.channels.at(0).error);
    CHECK(*r.channels[0].error == PollError::Signature);
  }
  SUBCASE("another channel's manifest") {
    f.serve_manifest(replaced(replaced(read_all(f.manifest()), "serial = 2", "serial = 9"), "\"hall\"", "\"lobby\""),
                     f.key);
    auto r = f.poll();
    REQUIRE(r.channels.at(0).error);
    CHECK(r.channels[0].message == "the manifest is channel 'lobby's, not 'hall's");
  }
  SUBCASE("an expired manifest, and one that expires while it is current") {
    auto r = f.poll(kNow + 31 * 86400);
    REQUIRE(r.channels.at(0).error);
    CHECK(*r.channels[0].error == PollError::Expired);
  }
  SUBCASE("a bundle that is not the one the manifest names") {
    auto v3 = f.publish_version(3);
    auto bundle = f.tree / "bundles" / (v3.manifest.bundle.sha256 + ".bundle");
    auto bytes = read_all(bundle);
    bytes[bytes.size() / 2] ^= 1;
    write_all(bundle, bytes);
    fs::remove(f.tree / "patches" / (v3.manifest.patch->from_sha256 + "-" + v3.manifest.bundle.sha256 + ".zst"));
    auto r = f.poll();
    CHECK_FALSE(r.installed);
    REQUIRE(r.install_error);
    CHECK(*r.install_error == PollError::Checksum);
    CHECK(f.current_version() == 2);
    CHECK(log_of(r).find("was not used") != std::string::npos);  // the missing patch fell back first
  }
  SUBCASE("a patch that does not apply falls back to the whole bundle") {
    auto v3 = f.publish_version(3);
    auto patch = f.tree / "patches" / (v3.manifest.patch->from_sha256 + "-" + v3.manifest.bundle.sha256 + ".zst");
    auto bytes = read_all(patch);
    bytes[bytes.size() / 2] ^= 0x55;
    write_all(patch, bytes);
    auto r = f.poll();
    REQUIRE_MESSAGE(r.installed, log_of(r));
    CHECK_FALSE(r.used_patch);
    CHECK(log_of(r).find("the patch from version 2 was not used") != std::string::npos);
    CHECK(f.current_version() == 3);
  }
  SUBCASE("a version the kiosk rolled back from is not installed again") {
    f.publish_version(3);
    add_never_install(f.state, 3);
    auto r = f.poll();
    CHECK_FALSE(r.installed);
    CHECK(log_of(r).find("version 3 was rolled back from on this kiosk") != std::string::npos);
    f.publish_version(4);
    CHECK(f.poll().installed);
    CHECK(f.current_version() == 4);
  }
  SUBCASE("a kiosk outside the rollout waits; its group is let in") {
    f.publish_version(3, 0, {"east-hall"});
    auto r = f.poll();
    CHECK_FALSE(r.installed);
    CHECK(log_of(r).find("is not rolled out to this kiosk yet (0%)") != std::string::npos);
    f.settings.group = "east-hall";
    CHECK(f.poll().installed);
  }
}

TEST_CASE("fleet names: channel URLs, kiosk ids") {
  CHECK(channel_name_from_url("https://cdn.example/heping/channels/hall.toml") == "hall");
  CHECK(channel_name_from_url("https://cdn.example/heping/channels/Hall.toml").empty());
  CHECK(channel_name_from_url("https://cdn.example/heping/channels/").empty());
  CHECK(kiosk::config::channel_url_problem("ftp://x/hall.toml") == "is not an http://, https:// or file:/// URL");
  CHECK(kiosk::config::channel_url_problem("https://x/hall.toml?x=1") ==
        "holds a space, a control character, a query or a fragment");
  CHECK(kiosk::config::channel_url_problem("https://x/hall.json").find("does not end in NAME.toml") == 0);
  CHECK(kiosk::config::channel_url_problem("file:///srv/channels/hall.toml").empty());

  ScratchDir dir;
  auto machine_id = dir.write("machine-id", "0123456789abcdef0123456789abcdef\n");
  auto id = kiosk_id_from_machine_id(machine_id);
  CHECK(id.size() == 22);
  CHECK(id.rfind("kiosk-", 0) == 0);
  CHECK(id.find("0123456789abcdef") == std::string::npos);  // the machine id does not leak
  CHECK(kiosk_id_from_machine_id(dir.write("bad", "not an id\n")).empty());
  CHECK(kiosk_id_from_machine_id(dir.path / "missing").empty());
}

TEST_CASE("fleet poller: spreads its rounds and backs off after failures") {
  using std::chrono::milliseconds;
  const milliseconds minute(60'000);
  CHECK(Poller::delay(minute, 0, 0.0) == milliseconds(48'000));
  CHECK(Poller::delay(minute, 0, 1.0) == milliseconds(72'000));
  CHECK(Poller::delay(minute, 1, 0.5) == milliseconds(120'000));
  CHECK(Poller::delay(minute, 3, 0.5) == milliseconds(480'000));
  CHECK(Poller::delay(minute, 40, 0.5) == milliseconds(32 * 60'000));  // at most 32 intervals
}

TEST_CASE("fleet poller: installs on its own thread, records its status, stops at once") {
  FleetFixture f;
  f.publish_version(1);
  kiosk::ops::Trust trust;
  trust.keys = {f.key.public_key()};
  std::atomic<int> reports{0};
  auto started = std::chrono::steady_clock::now();
  {
    Poller poller(f.settings, f.state, {}, kiosk::ops::signature_check(trust), trust.keys,
                  std::chrono::milliseconds(200), [&](const PollResult&) { ++reports; });
    for (int i = 0; i < 200 && reports < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    REQUIRE(reports >= 2);
  }
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10 * KIOSK_UNIT_SLOWDOWN));
  CHECK(f.current_version() == 1);
  auto status = read_fleet_status(f.state);
  CHECK(status.last_install_version == 1);
  CHECK(status.last_success >= status.last_install);
  CHECK(status.consecutive_failures == 0);

  // A channel that is gone: the failures are counted by kind, and survive a restart.
  fs::remove(f.manifest());
  {
    Poller poller(f.settings, f.state, {}, kiosk::ops::signature_check(trust), trust.keys,
                  std::chrono::milliseconds(100), [&](const PollResult&) { ++reports; });
    int before = reports;
    for (int i = 0; i < 200 && reports < before + 1; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  status = read_fleet_status(f.state);
  CHECK(status.consecutive_failures >= 1);
  CHECK(status.errors["network"] >= 1);  // file:// has no status codes: a missing file is a transfer error
  CHECK(status.last_error.find("hall.toml") != std::string::npos);
}

TEST_CASE("fleet metrics: the exposition format, one series a scene, labels escaped") {
  ScreenHealth s;
  s.kiosk_id = "hall-1";
  s.bundle_id = "id with \"quotes\" and \\ and\nnewline";
  s.bundle_version = 7;
  s.frames_drawn = 1234;
  s.started = kNow - 100;
  s.screen_changed = kNow - 5;
  s.scene = "home";
  s.touches_last_hour = 9;
  FleetStatus f;
  f.last_check = kNow - 30;
  f.errors["network"] = 3;
  auto text = metrics_text(s, f, {"attract", "home", "closed"}, kNow);
  CHECK(text.find("heping_kiosk_info{kiosk_id=\"hall-1\",bundle_id=\"id with \\\"quotes\\\" and \\\\ and\\nnewline\","
                  "bundle_version=\"7\"} 1\n") != std::string::npos);
  CHECK(text.find("heping_kiosk_scene{scene=\"home\"} 1\n") != std::string::npos);
  CHECK(text.find("heping_kiosk_scene{scene=\"attract\"} 0\n") != std::string::npos);
  CHECK(text.find("heping_kiosk_screen_unchanged_seconds 5\n") != std::string::npos);
  CHECK(text.find("heping_kiosk_uptime_seconds 100\n") != std::string::npos);
  CHECK(text.find("heping_kiosk_fleet_errors_total{kind=\"network\"} 3\n") != std::string::npos);
  CHECK(text.find("heping_kiosk_fleet_errors_total{kind=\"signature\"} 0\n") != std::string::npos);
  CHECK(text.find("heping_kiosk_frames_drawn_total 1234\n") != std::string::npos);
  if (std::system("command -v promtool >/dev/null") == 0) {
    ScratchDir dir;
    auto file = dir.write("kiosk.prom", text);
    auto said = dir.path / "promtool.out";
    std::string command = "promtool check metrics < '" + file.string() + "' >'" + said.string() + "' 2>&1";
    CHECK_MESSAGE(std::system(command.c_str()) == 0, read_all(said));
  }
}

TEST_CASE("fleet attacks: a second round, a FIFO, a lost serial record, the largest serial") {
  FleetFixture f;
  f.publish_version(1);
  REQUIRE(f.poll().installed);

  SUBCASE("a round while another holds the state directory is skipped, not raced") {
    kiosk::base::Fd lock(::open((f.state.root / "fleet" / "lock").c_str(), O_RDWR));
    REQUIRE(lock);
    REQUIRE(::flock(lock.get(), LOCK_EX) == 0);
    f.publish_version(2);
    auto r = f.poll();
    CHECK(r.skipped);
    CHECK_FALSE(r.installed);
    CHECK(f.current_version() == 1);
  }
  SUBCASE("a FIFO where a download resumes is refused, not waited on") {
    auto v2 = f.publish_version(2);
    fs::remove(f.tree / "patches" / (v2.manifest.patch->from_sha256 + "-" + v2.manifest.bundle.sha256 + ".zst"));
    auto part = f.state.root / "fleet" / "downloads" / (v2.manifest.bundle.sha256 + ".bundle.part");
    REQUIRE(::mkfifo(part.c_str(), 0600) == 0);
    auto r = f.poll();
    CHECK_FALSE(r.installed);
    REQUIRE(r.install_error);
    CHECK(*r.install_error == PollError::Local);
  }
  SUBCASE("a replay is refused even when the record of serials is lost") {
    f.publish_version(2);
    auto old_text = read_all(f.manifest()), old_sig = read_all(f.manifest().string() + ".minisig");
    f.publish_version(2, 50);
    REQUIRE_FALSE(f.poll().any_error());
    fs::remove(f.state.root / "fleet" / "serials");
    write_all(f.manifest(), old_text);
    write_all(f.manifest().string() + ".minisig", old_sig);
    auto r = f.poll();
    REQUIRE(r.channels.at(0).error);
    CHECK(*r.channels[0].error == PollError::Replay);
  }
  SUBCASE("publish refuses to wrap the largest serial around") {
    auto text = read_all(f.manifest());
    write_all(f.manifest(), replaced(text, "serial = 1", "serial = 9223372036854775807"));
    CHECK_THROWS_WITH_AS(f.publish_version(2), doctest::Contains("its serial is the largest there is"), PublishError);
  }
}

TEST_CASE("fleet trial: a new bundle that never reaches the screen is rolled back, and not installed again") {
  FleetFixture f;
  f.publish_version(1);
  REQUIRE(f.poll().installed);
  confirm_trial(f.state, 1);  // drawn
  CHECK_FALSE(start_with_trial(f.state).rolled_back);
  f.publish_version(2);
  REQUIRE(f.poll().installed);
  REQUIRE(f.current_version() == 2);
  // Started twice without a frame of version 2 (a crash, a hang, a bundle it cannot open).
  for (int start = 0; start < kTrialStarts; ++start) {
    auto outcome = start_with_trial(f.state);
    CHECK_FALSE(outcome.rolled_back);
    CHECK(f.current_version() == 2);
  }
  auto outcome = start_with_trial(f.state);
  CHECK(outcome.rolled_back);
  CHECK(outcome.message.find("version 2 was started 2 times without drawing a frame; rolled back") == 0);
  CHECK(f.current_version() == 1);
  CHECK(never_install(f.state) == std::vector<int64_t>{2});
  auto status = read_fleet_status(f.state);
  CHECK(status.last_rollback_version == 2);
  CHECK(status.last_rollback > 0);
  // The same version again is refused; a newer one is installed and, once drawn, kept.
  auto again = f.poll();
  CHECK_FALSE(again.installed);
  CHECK_FALSE(again.any_error());
  CHECK(f.current_version() == 1);
  f.publish_version(3);
  REQUIRE(f.poll().installed);
  confirm_trial(f.state, 3);
  for (int start = 0; start < 4; ++start) CHECK_FALSE(start_with_trial(f.state).rolled_back);
  CHECK(f.current_version() == 3);
}

TEST_CASE("fleet trial: an install by hand ends the trial; a damaged record is ignored") {
  FleetFixture f;
  f.publish_version(1);
  REQUIRE(f.poll().installed);
  auto v5 = version_of_tiny(f.dir, 5);
  REQUIRE(kiosk::ops::install_bundle(v5, f.state, unsigned_ok(), kNoSignature).ok);
  for (int start = 0; start < 4; ++start) CHECK_FALSE(start_with_trial(f.state).rolled_back);
  CHECK(f.current_version() == 5);
  write_all(f.state.root / "fleet" / "trial", "garbage\n");
  CHECK_FALSE(start_with_trial(f.state).rolled_back);
  CHECK(f.current_version() == 5);
}
