#pragma once
// The kiosk's configuration: one TOML file read by both executables.
// A bad value never stops the kiosk: it is reported (key, line, reason) and the
// key keeps its default.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::config {

constexpr const char* kPackageName = KIOSK_PACKAGE_NAME;
inline std::filesystem::path default_config_path() {
  return std::filesystem::path("/etc") / kPackageName / "kiosk.toml";
}

enum class Mode { Interactive, Slideshow };

// The range site.lat and site.lon must lie in: Heping District, as content::kHepingBox has it
// (the config layer links no content; a unit test holds the two equal).
constexpr double kSiteSouth = 39.09, kSiteNorth = 39.14, kSiteWest = 117.17, kSiteEast = 117.23;

struct Config {
  // [display]
  Mode mode = Mode::Interactive;
  std::string language = "zh";      // the language a visitor first sees
  bool alternate_languages = true;  // the attract loop alternates zh and en
  int idle_timeout_s = 60;
  double slow_motion_fps = 10;          // the touch cue's pulse, pan and zoom
  double software_slow_motion_fps = 0;  // the same on software GL (llvmpipe): 0 stops it
  int rotation = 0;  // degrees clockwise the session turns the screen (portrait mounts): 0, 90, 180, 270
  // [hours] local opening hours; both empty: always open
  std::string open_from, open_to;
  // [content]
  std::filesystem::path bundle;  // empty: the state directory's current bundle
  std::filesystem::path state_dir = std::filesystem::path("/var/lib") / kPackageName;
  int keep_bundles = 3;  // installed bundles kept besides current and previous
  // The sha256 of the report every installed bundle must carry; empty: any report
  std::string report_sha256;
  // What the kiosk can rebuild and keeps to start faster (baked font atlases); empty: none
  std::filesystem::path cache_dir = std::filesystem::path("/var/cache") / kPackageName;
  // [site] where the kiosk stands, for the map's 'you are here': both or neither
  std::optional<double> site_lat, site_lon;
  // [clock]
  std::string time_zone = "Asia/Shanghai";
  // [security] These fail closed: a bad value trusts nothing new and allows nothing unsigned.
  std::vector<std::string> trusted_keys;  // minisign public keys, base64 ("RWQ...")
  bool trusted_keys_invalid = false;      // the key list was unreadable: no key is trusted
  bool allow_unsigned = false;            // development only
  std::string pin_hash;                   // the operator PIN's hash (kioskctl pin set); empty or bad: panel locked
  // [fleet] channels to poll for new bundles (docs/fleet.md); no channels: none polled
  std::vector<std::string> fleet_channels;  // manifest URLs (http, https or file), each ending in NAME.toml
  std::string fleet_kiosk_id;               // empty: derived from /etc/machine-id
  std::string fleet_group;                  // a group a manifest may name; empty: none
  double fleet_poll_minutes = 10;           // between polls, give or take 20%
  int64_t fleet_max_bytes_per_second = 0;   // download bandwidth; 0: unlimited
  // [metrics] the Prometheus textfile (node exporter's textfile collector); empty: none
  std::filesystem::path metrics_textfile = "/var/lib/prometheus/node-exporter/heping_kiosk.prom";
};

// One problem found in the file, worded for the log: "FILE:LINE: KEY: REASON".
struct Problem {
  std::string file;
  int line = 0;
  std::string key;
  std::string reason;
  std::string to_string() const;
};

struct Loaded {
  Config config;
  std::vector<Problem> problems;
  bool file_read = false;  // false when the default file is absent and defaults apply
};

// Reads FILE. A missing file is a problem only when `required` (named with --config).
Loaded load(const std::filesystem::path& file, bool required);
Loaded parse(const std::string& text, const std::string& file_name);
// Fleet channel, group and kiosk names: 1 to 64 of a-z, 0-9, '.', '_' and '-', starting
// with a letter or digit, so that they are safe as file names and in URLs. "" when it is one.
std::string fleet_name_problem(std::string_view name);
// Why `url` cannot be a fleet channel: not http, https or file, or not ending in NAME.toml.
std::string channel_url_problem(std::string_view url);

// Every key the file may hold, as "table.key".
std::vector<std::string> known_keys();

}  // namespace kiosk::config
