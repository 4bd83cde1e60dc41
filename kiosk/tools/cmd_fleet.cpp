// kioskctl publish and kioskctl fleet: a channel as a static tree for any web server, and
// one round of the kiosk's fleet client, run by hand.

#include <cstdlib>
#include <ctime>
#include <iostream>

#include "kiosk/config/config.h"
#include "kiosk/config/locations.h"
#include "kiosk/fleet/kiosk_id.h"
#include "kiosk/fleet/poll.h"
#include "kiosk/fleet/publish.h"
#include "kiosk/fleet/status.h"
#include "kiosk/ops/trust.h"
#include "kiosk/text/utf8.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {
namespace {

// A whole number from `text` within [low, high], or nothing.
std::optional<long> whole_number(const std::string& text, long low, long high) {
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || v < low || v > high) return std::nullopt;
  return v;
}

}  // namespace

int cmd_publish(const Args& args) {
  std::string bundle, secret_file;
  fleet::PublishOptions options;
  options.now = std::time(nullptr);
  bool rollout_given = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    bool has_value = i + 1 < args.size() && !args[i + 1].empty();
    if (a == "--channel" && has_value) {
      options.channel = args[++i];
    } else if (a == "--out" && has_value) {
      options.out = args[++i];
    } else if (a == "-s" && has_value) {
      secret_file = args[++i];
    } else if (a == "--rollout" && has_value) {
      auto v = whole_number(args[++i], 0, 100);
      if (!v) return usage("publish: --rollout takes a percentage from 0 to 100");
      options.rollout_percent = static_cast<int>(*v);
      rollout_given = true;
    } else if (a == "--group" && has_value) {
      options.groups.push_back(args[++i]);
    } else if (a == "--expires-days" && has_value) {
      auto v = whole_number(args[++i], 1, 3660);
      if (!v) return usage("publish: --expires-days takes a number of days from 1 to 3660");
      options.expires_days = static_cast<int>(*v);
    } else if (!a.empty() && a[0] == '-') {
      return usage("publish: unexpected option '" + a + "' (or it needs a value)");
    } else if (bundle.empty()) {
      bundle = a;
    } else {
      return usage("publish: unexpected argument '" + a + "'");
    }
  }
  if (bundle.empty() || options.channel.empty() || options.out.empty() || secret_file.empty())
    return usage("publish needs BUNDLE, --channel NAME, --out DIR and -s SECKEY");
  // Named groups alone reach only those groups.
  if (!options.groups.empty() && !rollout_given) options.rollout_percent = 0;
  try {
    auto key = ops::read_secret_key_file(secret_file);
    auto result = fleet::publish(bundle, key, options);
    const auto& m = result.manifest;
    std::cout << "channel " << m.channel << ": serial " << m.serial << ", " << text::escaped(m.bundle_id) << " version "
              << m.version << ", rollout " << m.rollout_percent << "%";
    for (const auto& g : m.groups) std::cout << " +" << g;
    std::cout << (m.patch ? ", patch from version " + std::to_string(m.patch->from_version) : std::string{}) << "\n";
    for (const auto& file : result.written) std::cout << "  wrote " << text::escaped(file) << "\n";
    std::cout << "serve " << text::escaped(options.out.string()) << " as it is; kiosks poll "
              << "BASE_URL/channels/" << m.channel << ".toml\n";
    return kExitOk;
  } catch (const fleet::PublishError& e) {
    std::cerr << "kioskctl: publish refused: " << text::escaped(e.what()) << "\n";
    return kExitProblems;
  } catch (const ops::MinisignError& e) {
    std::cerr << "kioskctl: " << text::escaped(e.what()) << "\n";
    return kExitProblems;
  }
}

int cmd_fleet(const Args& args) {
  if (args.empty() || args[0] != "poll") return usage("fleet needs a subcommand: poll");
  config::Locations where;
  std::vector<std::string> channels;
  std::string kiosk_id, group, error;
  for (size_t i = 1; i < args.size(); ++i) {
    bool has_value = i + 1 < args.size() && !args[i + 1].empty();
    if (where.take(args, i, error)) {
      if (!error.empty()) return usage("fleet poll: " + error);
    } else if (args[i] == "--channel" && has_value) {
      channels.push_back(args[++i]);
    } else if (args[i] == "--kiosk-id" && has_value) {
      kiosk_id = args[++i];
    } else if (args[i] == "--group" && has_value) {
      group = args[++i];
    } else {
      return usage("fleet poll: unexpected argument '" + args[i] + "'");
    }
  }
  auto located = config::locate(where);
  for (const auto& p : located.loaded.problems) std::cerr << "kioskctl: config: " << p.to_string() << "\n";
  const auto& cfg = located.config();
  if (auto missing = config::missing_state_dir(located); !missing.empty()) {
    std::cerr << "kioskctl: " << missing << "\n";
    return kExitBadFile;
  }
  fleet::FleetSettings settings;
  settings.channels = channels.empty() ? cfg.fleet_channels : channels;
  for (const auto& url : settings.channels)
    if (auto problem = config::channel_url_problem(url); !problem.empty())
      return usage("fleet poll: " + text::escaped(url) + " " + problem);
  if (settings.channels.empty()) {
    std::cerr << "kioskctl: no channel to poll (set fleet.channels, or give --channel URL)\n";
    return kExitProblems;
  }
  settings.kiosk_id = !kiosk_id.empty()             ? kiosk_id
                      : !cfg.fleet_kiosk_id.empty() ? cfg.fleet_kiosk_id
                                                    : fleet::kiosk_id_from_machine_id();
  settings.group = group.empty() ? cfg.fleet_group : group;
  settings.limits.max_bytes_per_second = cfg.fleet_max_bytes_per_second;
  auto trust = ops::trust_from_config(cfg);
  if (!trust.problem.empty() || trust.keys.empty()) {
    std::cerr << "kioskctl: no trusted key: "
              << (trust.problem.empty() ? "security.trusted_keys is empty" : trust.problem) << "\n";
    return kExitProblems;
  }
  ops::InstallOptions install;
  install.keep = cfg.keep_bundles;
  install.report_sha256 = cfg.report_sha256;
  auto result = fleet::poll_once(settings, ops::StateDir{located.state_dir()}, install, ops::signature_check(trust),
                                 trust.keys, std::time(nullptr));
  // The same record the kiosk's own poller keeps, so that status shows this round too.
  if (result.skipped) {
    for (const auto& line : result.log) std::cerr << "kioskctl: " << line << "\n";
    return kExitProblems;
  }
  try {
    auto status = fleet::read_fleet_status(ops::StateDir{located.state_dir()});
    status.record(result, std::time(nullptr));
    fleet::write_fleet_status(ops::StateDir{located.state_dir()}, status);
  } catch (const std::exception& e) {
    std::cerr << "kioskctl: cannot record the fleet status: " << text::escaped(e.what()) << "\n";
  }
  for (const auto& channel : result.channels)
    std::cout << "channel " << text::escaped(channel.url) << ": "
              << (channel.error      ? std::string("refused (") + fleet::poll_error_name(*channel.error) + ")"
                  : channel.accepted ? "new manifest"
                                     : "unchanged")
              << (channel.error ? ": " + channel.message : std::string{}) << "\n";
  for (const auto& line : result.log) std::cout << "  " << line << "\n";
  if (result.install_error) std::cout << result.install_message << "\n";
  if (result.installed) std::cout << "installed version " << result.installed_version << "\n";
  std::cout << "downloaded " << result.bytes_downloaded << " bytes\n";
  return result.any_error() ? kExitProblems : kExitOk;
}

}  // namespace kiosk::tools
