#include "kiosk/config/config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"

namespace kiosk::config {
namespace {

int line_of(const toml::node& node) {
  return static_cast<int>(node.source().begin.line);
}

bool valid_time_zone(const std::string& name) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(name)));
  return zone && *zone != icu::TimeZone::getUnknown();
}

// Reads one key, reporting a wrong type or value and keeping the default.
class Reader {
 public:
  Reader(Loaded& out, std::string file) : out_(out), file_(std::move(file)) {}

  void problem(const toml::node& node, const std::string& key, const std::string& reason) {
    out_.problems.push_back({file_, line_of(node), key, reason});
  }

  void string_key(const toml::node& node, const std::string& key,
                  const std::function<std::string(const std::string&)>& apply) {
    auto value = node.value<std::string>();
    if (!value) return problem(node, key, "must be a string");
    std::string reason = apply(*value);
    if (!reason.empty()) problem(node, key, reason);
  }

 private:
  Loaded& out_;
  std::string file_;
};

void read_fps(Reader& r, const toml::node& n, const std::string& k, double& out, double fallback) {
  auto v = n.value<double>();
  if (!v || !n.is_number() || *v < 0 || *v > 60)
    return r.problem(
        n, k, "must be a number of frames a second from 0 to 60; using " + std::to_string(static_cast<int>(fallback)));
  out = *v;
}

void read_time(Reader& r, const toml::node& n, const std::string& k, std::string& out) {
  r.string_key(n, k, [&](const std::string& v) -> std::string {
    bool ok = v.size() == 5 && v[2] == ':' && std::isdigit(static_cast<unsigned char>(v[0])) &&
              std::isdigit(static_cast<unsigned char>(v[1])) && std::isdigit(static_cast<unsigned char>(v[3])) &&
              std::isdigit(static_cast<unsigned char>(v[4])) && v.substr(0, 2) <= "23" && v.substr(3) <= "59";
    if (!ok) return "must be a time of day like \"09:00\" (got \"" + v + "\"); open all day";
    out = v;
    return "";
  });
}

// A coordinate of the kiosk's site, in degrees inside Heping District; a bad one leaves the
// map without its 'you are here' marker rather than drawing it somewhere false.
void read_degrees(Reader& r, const toml::node& n, const std::string& k, double low, double high, const char* axis,
                  std::optional<double>& out) {
  auto v = n.value<double>();
  if (!v || !(n.is_floating_point() || n.is_integer()) || !std::isfinite(*v))
    return r.problem(n, k, std::string("must be a number of degrees ") + axis + "; no 'you are here' on the map");
  if (*v < low || *v > high) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "must lie in Heping District, %.2f to %.2f degrees %s (got %.4f); no 'you are here' on the map", low,
                  high, axis, *v);
    return r.problem(n, k, text);
  }
  out = *v;
}

using KeyHandler = std::function<void(Reader&, const toml::node&, const std::string&, Config&)>;

const std::map<std::string, KeyHandler>& handlers() {
  static const std::map<std::string, KeyHandler> table = {
      {"display.mode",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           if (v == "interactive")
             c.mode = Mode::Interactive;
           else if (v == "slideshow")
             c.mode = Mode::Slideshow;
           else
             return "must be \"interactive\" or \"slideshow\" (got \"" + v + "\"); using interactive";
           return "";
         });
       }},
      {"display.language",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           if (v != "zh" && v != "en") return "must be \"zh\" or \"en\" (got \"" + v + "\"); using zh";
           c.language = v;
           return "";
         });
       }},
      {"display.alternate_languages",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         if (auto v = n.value<bool>())
           c.alternate_languages = *v;
         else
           r.problem(n, k, "must be true or false; using true");
       }},
      {"display.idle_timeout",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         auto v = n.value_exact<int64_t>();  // value<int64_t>() converts floats, with UB past int64 (fuzzing)
         if (!v || !n.is_integer()) return r.problem(n, k, "must be a whole number of seconds; using 60");
         if (*v < 10 || *v > 3600)
           return r.problem(n, k, "must be between 10 and 3600 seconds (got " + std::to_string(*v) + "); using 60");
         c.idle_timeout_s = static_cast<int>(*v);
       }},
      {"display.slow_motion_fps", [](Reader& r, const toml::node& n, const std::string& k,
                                     Config& c) { read_fps(r, n, k, c.slow_motion_fps, 10); }},
      {"display.software_slow_motion_fps", [](Reader& r, const toml::node& n, const std::string& k,
                                              Config& c) { read_fps(r, n, k, c.software_slow_motion_fps, 0); }},
      {"display.rotation",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         auto v = n.value_exact<int64_t>();
         if (!v || !n.is_integer() || (*v != 0 && *v != 90 && *v != 180 && *v != 270))
           return r.problem(n, k, "must be 0, 90, 180 or 270 (degrees clockwise); using 0");
         c.rotation = static_cast<int>(*v);
       }},
      {"hours.open",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) { read_time(r, n, k, c.open_from); }},
      {"hours.close",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) { read_time(r, n, k, c.open_to); }},
      {"content.bundle",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           c.bundle = v;
           return "";
         });
       }},
      {"content.state_dir",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           if (v.empty() || v[0] != '/') return "must be an absolute path (got \"" + v + "\")";
           c.state_dir = v;
           return "";
         });
       }},
      {"content.cache_dir",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           if (!v.empty() && v[0] != '/') return "must be an absolute path, or \"\" for none (got \"" + v + "\")";
           c.cache_dir = v;
           return "";
         });
       }},
      {"content.keep_bundles",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         auto v = n.value_exact<int64_t>();
         if (!v || !n.is_integer() || *v < 0 || *v > 50)
           return r.problem(n, k, "must be a whole number from 0 to 50; using 3");
         c.keep_bundles = static_cast<int>(*v);
       }},
      {"content.report_sha256",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           // Fails closed, as the keys do: a mistyped pin matches no report, so nothing installs.
           c.report_sha256 = v;
           bool hex = v.size() == 64 && v.find_first_not_of("0123456789abcdef") == std::string::npos;
           if (v.empty() || hex) return "";
           return "must be 64 lowercase hexadecimal digits, as sha256sum prints them, or \"\" for any report; "
                  "until then no bundle installs";
         });
       }},
      {"security.trusted_keys",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         const auto* array = n.as_array();
         bool ok = array != nullptr;
         std::vector<std::string> keys;
         if (array)
           for (const auto& element : *array) {
             auto key = element.value<std::string>();
             if (!key || key->empty())
               ok = false;
             else
               keys.push_back(*key);
           }
         if (!ok) {
           c.trusted_keys_invalid = true;
           return r.problem(n, k, "must be a list of minisign public keys (\"RW...\"); no key is trusted");
         }
         c.trusted_keys = keys;
       }},
      {"security.allow_unsigned",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         if (auto v = n.value<bool>(); v && n.is_boolean())
           c.allow_unsigned = *v;
         else
           r.problem(n, k, "must be true or false; unsigned bundles stay refused");
       }},
      {"security.pin_hash",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           c.pin_hash = v;
           return "";
         });
       }},
      {"fleet.channels",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         const auto* array = n.as_array();
         std::vector<std::string> urls;
         std::string bad;
         if (!array) bad = "must be a list of manifest URLs";
         if (array)
           for (const auto& element : *array) {
             auto url = element.value<std::string>();
             if (!url || !element.is_string()) {
               bad = "must hold only strings (manifest URLs)";
               break;
             }
             if (auto problem = channel_url_problem(*url); !problem.empty()) {
               bad = "\"" + *url + "\" " + problem;
               break;
             }
             urls.push_back(*url);
           }
         if (!bad.empty()) return r.problem(n, k, bad + "; no channel is polled");
         c.fleet_channels = urls;
       }},
      {"fleet.kiosk_id",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           if (auto problem = fleet_name_problem(v); !problem.empty())
             return problem + "; using the id derived from /etc/machine-id";
           c.fleet_kiosk_id = v;
           return "";
         });
       }},
      {"fleet.group",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           if (auto problem = fleet_name_problem(v); !problem.empty()) return problem + "; in no group";
           c.fleet_group = v;
           return "";
         });
       }},
      {"fleet.poll_minutes",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         // Fractions too: a test (or a demonstration) polls every few seconds.
         auto v = n.value<double>();
         if (!v || !(n.is_integer() || n.is_floating_point()) || !(*v >= 0.05 && *v <= 1440))
           return r.problem(n, k, "must be a number of minutes from 0.05 to 1440; using 10");
         c.fleet_poll_minutes = *v;
       }},
      {"fleet.max_kbytes_per_second",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         auto v = n.value_exact<int64_t>();
         if (!v || !n.is_integer() || *v < 0 || *v > 10'000'000)
           return r.problem(n, k, "must be a whole number of kilobytes a second, 0 for no limit; using no limit");
         c.fleet_max_bytes_per_second = *v * 1024;
       }},
      {"metrics.textfile",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           if (!v.empty() && (v[0] != '/' || v.size() < 6 || v.substr(v.size() - 5) != ".prom"))
             return "must be an absolute path ending in .prom (the textfile collector reads only those), or \"\" "
                    "for none; using the default";
           c.metrics_textfile = v;
           return "";
         });
       }},
      {"site.lat", [](Reader& r, const toml::node& n, const std::string& k,
                      Config& c) { read_degrees(r, n, k, kSiteSouth, kSiteNorth, "north", c.site_lat); }},
      {"site.lon", [](Reader& r, const toml::node& n, const std::string& k,
                      Config& c) { read_degrees(r, n, k, kSiteWest, kSiteEast, "east", c.site_lon); }},
      {"clock.time_zone",
       [](Reader& r, const toml::node& n, const std::string& k, Config& c) {
         r.string_key(n, k, [&](const std::string& v) -> std::string {
           if (!valid_time_zone(v)) return "unknown time zone \"" + v + "\"; using Asia/Shanghai";
           c.time_zone = v;
           return "";
         });
       }},
  };
  return table;
}

void walk(const toml::table& table, const std::string& prefix, Reader& reader, Config& config) {
  for (const auto& [name, node] : table) {
    std::string key = prefix.empty() ? std::string(name.str()) : prefix + "." + std::string(name.str());
    if (const auto* sub = node.as_table(); sub && prefix.empty()) {
      walk(*sub, key, reader, config);
      continue;
    }
    auto handler = handlers().find(key);
    if (handler == handlers().end()) {
      reader.problem(node, key, "unknown key; ignored");
      continue;
    }
    handler->second(reader, node, key, config);
  }
}

}  // namespace

std::string Problem::to_string() const {
  std::ostringstream out;
  out << file;
  if (line > 0) out << ':' << line;
  out << ": ";
  if (!key.empty()) out << key << ": ";
  out << reason;
  return out.str();
}

Loaded parse(const std::string& text, const std::string& file_name) {
  Loaded out;
  out.file_read = true;
  toml::table table;
  try {
    table = toml::parse(text, file_name);
  } catch (const toml::parse_error& e) {
    out.problems.push_back({file_name, static_cast<int>(e.source().begin.line), "",
                            std::string(e.description()) + "; using built-in defaults"});
    return out;
  }
  Reader reader(out, file_name);
  walk(table, "", reader, out.config);
  if (out.config.open_from.empty() != out.config.open_to.empty()) {
    out.problems.push_back({file_name, 0, "hours", "give both open and close, or neither; open all day"});
    out.config.open_from.clear();
    out.config.open_to.clear();
  }
  if (out.config.site_lat.has_value() != out.config.site_lon.has_value()) {
    out.problems.push_back({file_name, 0, "site", "give both lat and lon, or neither; no 'you are here' on the map"});
    out.config.site_lat.reset();
    out.config.site_lon.reset();
  }
  // TOML tables iterate by key; report in the order of the file.
  std::stable_sort(out.problems.begin(), out.problems.end(),
                   [](const Problem& a, const Problem& b) { return a.line < b.line; });
  return out;
}

std::string fleet_name_problem(std::string_view name) {
  if (name.empty() || name.size() > 64) return "must be 1 to 64 characters long";
  auto ok = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'; };
  if (!std::all_of(name.begin(), name.end(), ok)) return "may hold only a-z, 0-9, '.', '_' and '-'";
  if (name[0] == '.' || name[0] == '_' || name[0] == '-') return "must start with a letter or a digit";
  return {};
}

std::string channel_url_problem(std::string_view url) {
  bool scheme = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 || url.rfind("file:///", 0) == 0;
  if (!scheme) return "is not an http://, https:// or file:/// URL";
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7f || c == '?' || c == '#')
      return "holds a space, a control character, a query or a fragment";
  auto slash = url.rfind('/');
  std::string_view file = url.substr(slash + 1);
  const std::string_view suffix = ".toml";
  if (file.size() <= suffix.size() || file.substr(file.size() - suffix.size()) != suffix)
    return "does not end in NAME.toml (a channel's manifest, as kioskctl publish writes it)";
  if (auto problem = fleet_name_problem(file.substr(0, file.size() - suffix.size())); !problem.empty())
    return "names a channel that " + problem;
  return {};
}

std::vector<std::string> known_keys() {
  std::vector<std::string> keys;
  for (const auto& [key, handler] : handlers()) keys.push_back(key);
  return keys;
}

namespace {

constexpr off_t kMaxConfigBytes = 1 << 20;

// The configuration file's bytes, or why there are none. Opened without blocking and read
// only if it is a regular file: a FIFO would wait for a writer, a directory reads as empty.
std::optional<std::string> read_regular(const std::filesystem::path& file, std::string& why) {
  base::Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0) {
    why = "cannot read the configuration file (" + base::errno_text(errno) + ")";
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    why = S_ISDIR(st.st_mode) ? "is a directory, not a configuration file" : "is not a regular file";
    return std::nullopt;
  }
  if (st.st_size > kMaxConfigBytes) {
    why = std::to_string(st.st_size) + " bytes; a configuration file is at most " + std::to_string(kMaxConfigBytes);
    return std::nullopt;
  }
  std::string text(static_cast<size_t>(st.st_size), '\0');
  ssize_t n = ::read(fd.get(), text.data(), text.size());
  if (n < 0) {
    why = "cannot read the configuration file (" + base::errno_text(errno) + ")";
    return std::nullopt;
  }
  text.resize(static_cast<size_t>(n));
  return text;
}

}  // namespace

Loaded load(const std::filesystem::path& file, bool required) {
  std::string why;
  auto text = read_regular(file, why);
  if (!text) {
    Loaded out;
    std::error_code ec;
    if (required || std::filesystem::symlink_status(file, ec).type() != std::filesystem::file_type::not_found)
      out.problems.push_back({file.string(), 0, "", why + "; using built-in defaults"});
    return out;
  }
  return parse(*text, file.string());
}

}  // namespace kiosk::config
