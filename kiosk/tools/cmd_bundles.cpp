// kioskctl install, rollback and status: the operator's side of the state directory.

#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/utc_time.h"
#include "kiosk/config/config.h"
#include "kiosk/config/locations.h"
#include "kiosk/fleet/status.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/trust.h"
#include "kiosk/text/utf8.h"
#include "kiosk/tools/commands.h"
#include "kiosk/tools/json.h"

namespace kiosk::tools {
namespace {

struct Common {
  config::Locations where;
  std::vector<std::string> pubkeys, rest;
  bool allow_downgrade = false, json = false;
};

std::optional<Common> parse_common(const Args& args, std::string& error) {
  Common c;
  for (size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    bool has_value = i + 1 < args.size();
    if (c.where.take(args, i, error)) {
      if (!error.empty()) return std::nullopt;
    } else if (a == "--pubkey" && has_value)
      c.pubkeys.push_back(args[++i]);
    else if (a == "--allow-downgrade")
      c.allow_downgrade = true;
    else if (a == "--json")
      c.json = true;
    else if (!a.empty() && a[0] == '-') {
      error = "unexpected option '" + a + "'";
      return std::nullopt;
    } else
      c.rest.push_back(a);
  }
  return c;
}

config::Located locate(const Common& c) {
  auto located = config::locate(c.where);
  for (const auto& p : located.loaded.problems) std::cerr << "kioskctl: config: " << p.to_string() << "\n";
  return located;
}

// The keys a status is described against: --pubkey files, else the configuration's.
ops::Trust trust_of(const Common& c, const config::Config& cfg) {
  return c.pubkeys.empty() ? ops::trust_from_config(cfg) : ops::trust_from_files(c.pubkeys);
}

std::string signature_text(const ops::InstalledBundle& b, const ops::Trust& trust) {
  return ops::describe_signature(b.path, trust);
}

void print_bundle(const char* label, const std::optional<ops::InstalledBundle>& b, const ops::Trust& trust) {
  std::cout << label << ": ";
  if (!b)
    std::cout << "none\n";
  else
    std::cout << text::escaped(b->path.filename().string()) << " (" << text::escaped(b->id) << " version " << b->version
              << ", " << signature_text(*b, trust) << ")\n";
}

// What the inbox set aside, newest first (escaped by read_status, as the history is).
void print_refusals(const ops::Status& status) {
  std::cout << "refused in the inbox: " << status.refused;
  const auto& recent = status.recent_refusals;
  if (!recent.empty())
    std::cout << (recent.size() < status.refused ? "; the newest " + std::to_string(recent.size()) + ", newest first:"
                                                 : ", newest first:");
  std::cout << "\n";
  for (const auto& line : recent) std::cout << "  " << line << "\n";
}

std::string list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

std::string stamp_or_never(std::time_t t) {
  return t ? base::utc_stamp(t) : "never";
}

// The fleet client's record, when it has one.
void print_fleet(const ops::StateDir& state) {
  if (!std::filesystem::exists(state.root / "fleet" / "status")) return;
  auto f = fleet::read_fleet_status(state);
  std::cout << "fleet: last check " << stamp_or_never(f.last_check) << ", last success "
            << stamp_or_never(f.last_success) << ", last install " << stamp_or_never(f.last_install);
  if (f.last_install) std::cout << " (version " << f.last_install_version << ")";
  std::cout << "\n";
  if (f.last_rollback)
    std::cout << "  rolled back from version " << f.last_rollback_version << " at " << stamp_or_never(f.last_rollback)
              << ": it did not reach the screen\n";
  if (f.consecutive_failures) std::cout << "  failing rounds in a row: " << f.consecutive_failures << "\n";
  for (const auto& [kind, count] : f.errors) std::cout << "  errors (" << kind << "): " << count << "\n";
  if (!f.last_error.empty()) std::cout << "  last error: " << f.last_error << "\n";
}

std::string fleet_json(const ops::StateDir& state) {
  if (!std::filesystem::exists(state.root / "fleet" / "status")) return "null";
  auto f = fleet::read_fleet_status(state);
  std::string errors = "{";
  for (const auto& [kind, count] : f.errors)
    errors += (errors.size() > 1 ? ", " : "") + json_string(kind) + ": " + std::to_string(count);
  errors += "}";
  return "{\"last_check\": " + std::to_string(f.last_check) + ", \"last_success\": " + std::to_string(f.last_success) +
         ", \"last_install\": " + std::to_string(f.last_install) +
         ", \"last_install_version\": " + std::to_string(f.last_install_version) +
         ", \"last_rollback\": " + std::to_string(f.last_rollback) +
         ", \"last_rollback_version\": " + std::to_string(f.last_rollback_version) +
         ", \"consecutive_failures\": " + std::to_string(f.consecutive_failures) + ", \"errors\": " + errors +
         ", \"last_error\": " + json_string(f.last_error) + "}";
}

void print_status_json(const ops::StateDir& state, const ops::Status& status, const ops::Trust& trust) {
  auto one = [&](const std::optional<ops::InstalledBundle>& b) -> std::string {
    if (!b) return "null";
    return "{\"file\": " + json_string(text::escaped(b->path.filename().string())) +
           ", \"id\": " + json_string(text::escaped(b->id)) + ", \"version\": " + std::to_string(b->version) +
           ", \"signed\": " + (b->signed_ ? "true" : "false") +
           ", \"key_id\": " + (b->key_id.empty() ? "null" : json_string(b->key_id)) +
           ", \"signature\": " + json_string(signature_text(*b, trust)) + "}";
  };
  std::vector<std::string> installed, refusals;
  for (const auto& b : status.bundles) installed.push_back(one(b));
  for (const auto& line : status.recent_refusals) refusals.push_back(json_string(line));
  std::cout << "{\"state_dir\": " << json_string(text::escaped(state.root.string()))
            << ", \"current\": " << one(status.current) << ", \"previous\": " << one(status.previous)
            << ", \"installed\": " << list(installed) << ", \"highest_version\": " << status.highest_version
            << ", \"highest_problem\": " << json_string(status.highest_problem) << ", \"refused\": " << status.refused
            << ", \"newest_refusal\": " << json_string(status.newest_refusal) << ", \"refusals\": " << list(refusals)
            << ", \"last\": " << json_string(status.history.empty() ? "" : status.history.back())
            << ", \"fleet\": " << fleet_json(state) << "}\n";
}

}  // namespace

int cmd_install(const Args& args) {
  std::string error;
  auto c = parse_common(args, error);
  if (!c) return usage("install: " + error);
  if (c->rest.size() != 1) return usage("install needs one FILE");
  auto located = locate(*c);
  const auto& cfg = located.config();
  ops::InstallOptions options;
  options.allow_unsigned = cfg.allow_unsigned && c->pubkeys.empty();
  options.allow_downgrade = c->allow_downgrade;
  options.keep = cfg.keep_bundles;
  options.report_sha256 = cfg.report_sha256;
  // Keys named with --pubkey, else the configuration's.
  auto trust = c->pubkeys.empty() ? ops::trust_from_config(cfg) : ops::trust_from_files(c->pubkeys);
  if (!trust.problem.empty()) {
    std::cerr << "kioskctl: " << trust.problem << "\n";
    return kExitProblems;
  }
  if (trust.keys.empty() && !options.allow_unsigned) {
    std::cerr << "kioskctl: no trusted public key (give --pubkey KEYFILE, or set security.trusted_keys)\n";
    return kExitProblems;
  }
  // The one command that may make the state directory (a kiosk's first install), but only
  // its last part, and it says so: a mistyped path must be visible.
  if (auto missing = config::missing_state_dir_parent(located); !missing.empty()) {
    std::cerr << "kioskctl: install refused: " << text::escaped(missing) << "\n";
    return kExitBadFile;
  }
  auto result =
      ops::install_bundle(c->rest[0], ops::StateDir{located.state_dir()}, options, ops::signature_check(trust));
  if (result.made_state_dir)
    std::cerr << "kioskctl: created the state directory " << text::escaped(located.state_dir().string())
              << "; it did not exist\n";
  if (!result.ok) {
    std::cerr << "kioskctl: install refused: " << text::escaped(result.message) << "\n";
    return kExitProblems;
  }
  std::cout << result.message << "\n";
  return kExitOk;
}

int cmd_rollback(const Args& args) {
  std::string error;
  auto c = parse_common(args, error);
  if (!c || !c->rest.empty()) return usage("rollback: " + (c ? "unexpected argument" : error));
  auto located = locate(*c);
  if (auto missing = config::missing_state_dir(located); !missing.empty()) {
    std::cerr << "kioskctl: " << missing << "\n";
    return kExitBadFile;
  }
  auto result = ops::rollback(ops::StateDir{located.state_dir()});
  if (!result.ok) {
    std::cerr << "kioskctl: rollback refused: " << result.message << "\n";
    return kExitProblems;
  }
  std::cout << result.message << "\n";
  return kExitOk;
}

int cmd_status(const Args& args) {
  std::string error;
  auto c = parse_common(args, error);
  if (!c || !c->rest.empty()) return usage("status: " + (c ? "unexpected argument" : error));
  auto located = locate(*c);
  if (auto missing = config::missing_state_dir(located); !missing.empty()) {
    std::cerr << "kioskctl: " << missing << "\n";
    return kExitBadFile;
  }
  ops::StateDir state{located.state_dir()};
  auto status = ops::read_status(state);
  auto trust = trust_of(*c, located.config());
  if (c->json) {
    print_status_json(state, status, trust);
    return kExitOk;
  }
  std::cout << "state directory: " << state.root.string() << "\n";
  print_bundle("current", status.current, trust);
  print_bundle("previous", status.previous, trust);
  if (!status.highest_problem.empty())
    std::cout << "highest installed version: unknown: " << text::escaped(status.highest_problem) << "\n";
  else
    std::cout << "highest installed version: " << status.highest_version
              << " (an install must be newer, unless --allow-downgrade)\n";
  std::cout << "installed: " << status.bundles.size() << "\n";
  for (const auto& b : status.bundles)
    std::cout << "  " << text::escaped(b.path.filename().string())
              << (b.problem.empty() ? "" : "  (" + text::escaped(b.problem) + ")") << "\n";
  print_refusals(status);
  print_fleet(state);
  std::cout << "history (UTC):\n";
  for (const auto& line : status.history) std::cout << "  " << line << "\n";  // escaped when recorded
  return kExitOk;
}

}  // namespace kiosk::tools
