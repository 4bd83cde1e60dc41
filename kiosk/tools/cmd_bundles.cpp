// kioskctl install, rollback and status: the operator's side of the state directory.

#include <iostream>
#include <optional>

#include "kiosk/config/config.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/trust.h"
#include "kiosk/text/utf8.h"
#include "kiosk/tools/commands.h"
#include "kiosk/tools/json.h"

namespace kiosk::tools {
namespace {

struct Common {
  std::optional<std::string> state_dir, config;
  std::vector<std::string> pubkeys, rest;
  bool allow_downgrade = false, json = false;
};

std::optional<Common> parse_common(const Args& args, std::string& error) {
  Common c;
  for (size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    bool has_value = i + 1 < args.size();
    if (a == "--state-dir" && has_value)
      c.state_dir = args[++i];
    else if (a == "--config" && has_value)
      c.config = args[++i];
    else if (a == "--pubkey" && has_value)
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

config::Config load_config(const Common& c) {
  auto path = c.config ? std::filesystem::path(*c.config) : config::default_config_path();
  auto loaded = config::load(path, c.config.has_value());
  for (const auto& p : loaded.problems) std::cerr << "kioskctl: config: " << p.to_string() << "\n";
  return loaded.config;
}

ops::StateDir state_of(const Common& c, const config::Config& cfg) {
  return {c.state_dir ? std::filesystem::path(*c.state_dir) : cfg.state_dir};
}

void print_bundle(const char* label, const std::optional<ops::InstalledBundle>& b) {
  std::cout << label << ": ";
  if (!b)
    std::cout << "none\n";
  else
    std::cout << text::escaped(b->path.filename().string()) << " (" << text::escaped(b->id) << " version " << b->version
              << ", " << (b->signed_ ? "signed" : "unsigned") << ")\n";
}

}  // namespace

int cmd_install(const Args& args) {
  std::string error;
  auto c = parse_common(args, error);
  if (!c) return usage("install: " + error);
  if (c->rest.size() != 1) return usage("install needs one FILE");
  auto cfg = load_config(*c);
  ops::InstallOptions options;
  options.allow_unsigned = cfg.allow_unsigned && c->pubkeys.empty();
  options.allow_downgrade = c->allow_downgrade;
  options.keep = cfg.keep_bundles;
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
  auto result = ops::install_bundle(c->rest[0], state_of(*c, cfg), options, ops::signature_check(trust));
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
  auto result = ops::rollback(state_of(*c, load_config(*c)));
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
  auto state = state_of(*c, load_config(*c));
  auto status = ops::read_status(state);
  if (c->json) {
    auto one = [](const std::optional<ops::InstalledBundle>& b) -> std::string {
      if (!b) return "null";
      return "{\"file\": " + json_string(text::escaped(b->path.filename().string())) +
             ", \"id\": " + json_string(text::escaped(b->id)) + ", \"version\": " + std::to_string(b->version) +
             ", \"signed\": " + (b->signed_ ? "true" : "false") + "}";
    };
    std::cout << "{\"state_dir\": " << json_string(text::escaped(state.root.string()))
              << ", \"current\": " << one(status.current) << ", \"previous\": " << one(status.previous)
              << ", \"installed\": [";
    for (size_t i = 0; i < status.bundles.size(); ++i) std::cout << (i ? ", " : "") << one(status.bundles[i]);
    std::cout << "], \"last\": " << json_string(status.history.empty() ? "" : status.history.back()) << "}\n";
    return kExitOk;
  }
  std::cout << "state directory: " << state.root.string() << "\n";
  print_bundle("current", status.current);
  print_bundle("previous", status.previous);
  std::cout << "installed: " << status.bundles.size() << "\n";
  for (const auto& b : status.bundles)
    std::cout << "  " << text::escaped(b.path.filename().string())
              << (b.problem.empty() ? "" : "  (" + text::escaped(b.problem) + ")") << "\n";
  std::cout << "history:\n";
  for (const auto& line : status.history) std::cout << "  " << line << "\n";  // escaped when recorded
  return kExitOk;
}

}  // namespace kiosk::tools
