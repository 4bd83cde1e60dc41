#include "kiosk/fleet/manifest.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

#include "kiosk/base/utc_time.h"
#include "kiosk/config/config.h"
#include "kiosk/ops/installer.h"

namespace kiosk::fleet {
namespace {

const std::set<std::string> kTopKeys = {"format",  "channel", "serial",  "published",
                                        "expires", "bundle",  "rollout", "patch"};
const std::set<std::string> kBundleKeys = {"id", "version", "sha256", "size", "url"};
const std::set<std::string> kRolloutKeys = {"percent", "groups"};
const std::set<std::string> kPatchKeys = {"from_version", "from_sha256", "sha256", "size", "url"};

bool is_sha256_hex(std::string_view s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// A URL as a manifest may hold it: printable ASCII without spaces, quotes or backslashes
// (nothing a log line or a header could be spoiled with), and no fragment.
std::string url_problem(std::string_view url) {
  if (url.empty()) return "is empty";
  if (url.size() > 2048) return "is longer than 2048 characters";
  for (char c : url) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '#') return "holds a character a URL may not";
  }
  return {};
}

std::string stamp(std::time_t t) {
  return base::utc_stamp(t);
}

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

class Reader {
 public:
  explicit Reader(std::string what) : what_(std::move(what)) {}

  [[noreturn]] void fail(const toml::node* node, const std::string& where, const std::string& reason) const {
    std::ostringstream out;
    out << what_;
    if (node && node->source().begin.line > 0) out << ":" << node->source().begin.line;
    out << ": " << where << " " << reason;
    throw ManifestError(out.str());
  }

  void only_keys(const toml::table& table, const std::set<std::string>& allowed, const std::string& prefix) const {
    for (const auto& [key, value] : table) {
      std::string name(key.str());
      if (!allowed.count(name)) fail(&value, prefix + name, "is not a key of a format 1 manifest");
    }
  }

  const toml::node& need(const toml::table& table, const std::string& key, const std::string& prefix) const {
    const toml::node* node = table.get(key);
    if (!node) fail(nullptr, prefix + key, "is missing");
    return *node;
  }

  std::string string(const toml::table& table, const std::string& key, const std::string& prefix) const {
    const auto& node = need(table, key, prefix);
    auto value = node.value<std::string>();
    if (!node.is_string() || !value) fail(&node, prefix + key, "must be a string");
    return *value;
  }

  int64_t integer(const toml::table& table, const std::string& key, const std::string& prefix, int64_t low,
                  int64_t high) const {
    const auto& node = need(table, key, prefix);
    if (!node.is_integer()) fail(&node, prefix + key, "must be an integer");
    int64_t value = *node.value<int64_t>();
    if (value < low || value > high)
      fail(&node, prefix + key, "must be from " + std::to_string(low) + " to " + std::to_string(high));
    return value;
  }

  std::time_t time(const toml::table& table, const std::string& key) const {
    const auto& node = need(table, key, "");
    const auto* dt = node.as_date_time();
    if (!dt || !dt->get().offset) fail(&node, key, "must be a date and time with its offset (2027-01-02T10:00:00Z)");
    const auto& v = dt->get();
    std::tm tm{};
    tm.tm_year = v.date.year - 1900;
    tm.tm_mon = v.date.month - 1;
    tm.tm_mday = v.date.day;
    tm.tm_hour = v.time.hour;
    tm.tm_min = v.time.minute;
    tm.tm_sec = v.time.second;
    return timegm(&tm) - static_cast<std::time_t>(v.offset->minutes) * 60;
  }

  const toml::table& table(const toml::table& parent, const std::string& key, bool required) const {
    static const toml::table empty;
    const toml::node* node = parent.get(key);
    if (!node) {
      if (required) fail(nullptr, "[" + key + "]", "is missing");
      return empty;
    }
    if (!node->is_table()) fail(node, key, "must be a table ([" + key + "])");
    return *node->as_table();
  }

  PublishedFile file(const toml::table& t, const std::string& prefix) const {
    PublishedFile f;
    f.url = string(t, "url", prefix);
    if (auto problem = url_problem(f.url); !problem.empty()) fail(t.get("url"), prefix + "url", problem);
    f.sha256 = string(t, "sha256", prefix);
    if (!is_sha256_hex(f.sha256)) fail(t.get("sha256"), prefix + "sha256", "must be 64 lowercase hex digits");
    f.size = integer(t, "size", prefix, 1, ops::kMaxBundleBytes);
    return f;
  }

 private:
  std::string what_;
};

}  // namespace

std::string name_problem(std::string_view name) {
  return config::fleet_name_problem(name);
}

std::string manifest_text(const Manifest& m) {
  // Written by hand, not through toml++'s formatter, so that the file reads in the order
  // an operator looks for things and stays the same from one version of toml++ to the next.
  auto quoted = [](const std::string& s) { return toml_string(s); };
  std::ostringstream out;
  out << "# A kiosk channel's manifest (kioskctl publish). Signed: edit it only by publishing again.\n"
      << "format = " << kManifestFormat << "\n"
      << "channel = " << quoted(m.channel) << "\n"
      << "serial = " << m.serial << "\n"
      << "published = " << stamp(m.published) << "\n"
      << "expires = " << stamp(m.expires) << "\n\n"
      << "[bundle]\n"
      << "id = " << quoted(m.bundle_id) << "\n"
      << "version = " << m.version << "\n"
      << "sha256 = " << quoted(m.bundle.sha256) << "\n"
      << "size = " << m.bundle.size << "\n"
      << "url = " << quoted(m.bundle.url) << "\n\n"
      << "[rollout]\n"
      << "percent = " << m.rollout_percent << "\n"
      << "groups = [";
  for (size_t i = 0; i < m.groups.size(); ++i) out << (i ? ", " : "") << quoted(m.groups[i]);
  out << "]\n";
  if (m.patch) {
    out << "\n[patch]\n"
        << "from_version = " << m.patch->from_version << "\n"
        << "from_sha256 = " << quoted(m.patch->from_sha256) << "\n"
        << "sha256 = " << quoted(m.patch->file.sha256) << "\n"
        << "size = " << m.patch->file.size << "\n"
        << "url = " << quoted(m.patch->file.url) << "\n";
  }
  return out.str();
}

Manifest parse_manifest(std::string_view text, const std::string& what) {
  Reader r(what);
  if (text.size() > kMaxManifestBytes)
    r.fail(nullptr, "the manifest", "is larger than " + std::to_string(kMaxManifestBytes) + " bytes");
  toml::table root;
  try {
    root = toml::parse(text, what);
  } catch (const toml::parse_error& e) {
    std::ostringstream out;
    out << what << ":" << e.source().begin.line << ": not TOML: " << e.description();
    throw ManifestError(out.str());
  }
  r.only_keys(root, kTopKeys, "");
  const auto& format = r.need(root, "format", "");
  if (!format.is_integer() || *format.value<int64_t>() != kManifestFormat)
    r.fail(&format, "format", "is not 1: this manifest was written by a newer kioskctl; update this kiosk");

  Manifest m;
  m.channel = r.string(root, "channel", "");
  if (auto problem = name_problem(m.channel); !problem.empty()) r.fail(root.get("channel"), "channel", problem);
  m.serial = r.integer(root, "serial", "", 1, INT64_MAX);
  m.published = r.time(root, "published");
  m.expires = r.time(root, "expires");
  if (m.expires <= m.published) r.fail(root.get("expires"), "expires", "must be after published");

  const auto& bundle = r.table(root, "bundle", true);
  r.only_keys(bundle, kBundleKeys, "bundle.");
  m.bundle_id = r.string(bundle, "id", "bundle.");
  if (m.bundle_id.empty() || m.bundle_id.size() > 256) r.fail(bundle.get("id"), "bundle.id", "must be 1 to 256 bytes");
  m.version = r.integer(bundle, "version", "bundle.", 1, INT64_MAX);
  m.bundle = r.file(bundle, "bundle.");

  const auto& rollout = r.table(root, "rollout", true);
  r.only_keys(rollout, kRolloutKeys, "rollout.");
  m.rollout_percent = static_cast<int>(r.integer(rollout, "percent", "rollout.", 0, 100));
  const auto& groups = r.need(rollout, "groups", "rollout.");
  if (!groups.is_array()) r.fail(&groups, "rollout.groups", "must be an array of names");
  for (const auto& group : *groups.as_array()) {
    auto name = group.value<std::string>();
    if (!group.is_string() || !name) r.fail(&group, "rollout.groups", "must hold only strings");
    if (auto problem = name_problem(*name); !problem.empty())
      r.fail(&group, "rollout.groups: \"" + *name + "\"", problem);
    m.groups.push_back(*name);
  }
  if (m.groups.size() > 256) r.fail(&groups, "rollout.groups", "may name at most 256 groups");

  if (root.get("patch")) {
    const auto& patch = r.table(root, "patch", true);
    r.only_keys(patch, kPatchKeys, "patch.");
    Patch p;
    p.from_version = r.integer(patch, "from_version", "patch.", 1, INT64_MAX);
    p.from_sha256 = r.string(patch, "from_sha256", "patch.");
    if (!is_sha256_hex(p.from_sha256))
      r.fail(patch.get("from_sha256"), "patch.from_sha256", "must be 64 lowercase hex digits");
    p.file = r.file(patch, "patch.");
    m.patch = p;
  }
  return m;
}

}  // namespace kiosk::fleet
