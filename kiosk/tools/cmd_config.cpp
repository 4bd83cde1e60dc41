// kioskctl config: checks the configuration the way the kiosk reads it, and prints the
// values the session needs before the kiosk starts (the screen's rotation).

#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

#include "kiosk/config/config.h"
#include "kiosk/config/locations.h"
#include "kiosk/ops/pin.h"
#include "kiosk/ops/trust.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {
namespace {

// Why the kiosk could find no bundle in `dir`, if it could not.
std::optional<std::string> state_dir_problem(const std::filesystem::path& dir) {
  std::error_code ec;
  auto status = std::filesystem::status(dir, ec);
  if (status.type() == std::filesystem::file_type::not_found)
    return dir.string() +
           " does not exist; the kiosk has no bundle to show until it does ('kioskctl install' makes it)";
  if (ec) return dir.string() + ": " + ec.message();
  if (!std::filesystem::is_directory(status)) return dir.string() + " is not a directory";
  return std::nullopt;
}

// The problems the kiosk would log, plus those only noticed when a key is used: keys
// that do not parse as minisign keys, and a PIN hash libsodium cannot check.
std::vector<std::string> check(const config::Loaded& loaded, const std::string& file) {
  std::vector<std::string> problems;
  for (const auto& p : loaded.problems) problems.push_back(p.to_string());
  const auto& cfg = loaded.config;
  if (!loaded.file_read && loaded.problems.empty()) {
    // Not a mistake the kiosk logs, but the built-in defaults install nothing.
    problems.push_back(file +
                       ": not there; the built-in defaults apply, and they trust no key: every bundle is refused");
  } else if (!cfg.trusted_keys_invalid) {
    auto trust = ops::trust_from_config(cfg);
    if (!trust.problem.empty())
      problems.push_back(file + ": security.trusted_keys: " + trust.problem);
    else if (trust.keys.empty() && !cfg.allow_unsigned)
      problems.push_back(file +
                         ": security.trusted_keys: empty, so no key is trusted and every bundle is refused (put the "
                         "second line of your minisign .pub file there)");
  }
  // The attacker review: a state directory that does not exist, or is a file, passed.
  if (auto problem = state_dir_problem(cfg.state_dir)) problems.push_back(file + ": content.state_dir: " + *problem);
  if (!cfg.pin_hash.empty() && !ops::valid_pin_hash(cfg.pin_hash))
    problems.push_back(file +
                       ": security.pin_hash: not a hash from 'kioskctl pin set'; the operator panel stays locked");
  return problems;
}

const std::map<std::string, std::string (*)(const config::Config&)>& printable_keys() {
  static const std::map<std::string, std::string (*)(const config::Config&)> keys = {
      {"display.mode",
       [](const config::Config& c) {
         return std::string(c.mode == config::Mode::Slideshow ? "slideshow" : "interactive");
       }},
      {"display.rotation", [](const config::Config& c) { return std::to_string(c.rotation); }},
      {"content.state_dir", [](const config::Config& c) { return c.state_dir.string(); }},
      {"clock.time_zone", [](const config::Config& c) { return c.time_zone; }},
  };
  return keys;
}

}  // namespace

int cmd_config(const Args& args) {
  if (args.empty() || (args[0] != "check" && args[0] != "get")) return usage("config needs 'check' or 'get KEY'");
  bool get = args[0] == "get";
  std::string key, error;
  config::Locations where;
  for (size_t i = 1; i < args.size(); ++i) {
    if (where.take(args, i, error)) {
      if (!error.empty()) return usage("config: " + error);
    } else if (get && key.empty())
      key = args[i];
    else
      return usage("config: unexpected argument '" + args[i] + "'");
  }
  auto located = config::locate(where);
  std::string path = located.config_file.string();
  const auto& loaded = located.loaded;
  if (get) {
    auto printer = printable_keys().find(key);
    if (printer == printable_keys().end())
      return usage(
          "config get: KEY is one of display.mode, display.rotation, "
          "content.state_dir, clock.time_zone");
    // The value in effect: a bad value gives the default, exactly as the kiosk reads it.
    std::cout << printer->second(loaded.config) << "\n";
    return kExitOk;
  }
  auto problems = check(loaded, path);
  for (const auto& p : problems) std::cerr << "kioskctl: " << p << "\n";
  if (problems.empty()) std::cout << path << ": no problems\n";
  return problems.empty() ? kExitOk : kExitProblems;
}

}  // namespace kiosk::tools
