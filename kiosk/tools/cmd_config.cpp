// kioskctl config: checks the configuration the way the kiosk reads it, and prints the
// values the session needs before the kiosk starts (the screen's rotation).

#include <iostream>
#include <map>
#include <optional>

#include "kiosk/config/config.h"
#include "kiosk/ops/pin.h"
#include "kiosk/ops/trust.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {
namespace {

// The problems the kiosk would log, plus those only noticed when a key is used: keys
// that do not parse as minisign keys, and a PIN hash libsodium cannot check.
std::vector<std::string> check(const config::Loaded& loaded, const std::string& file) {
  std::vector<std::string> problems;
  for (const auto& p : loaded.problems) problems.push_back(p.to_string());
  const auto& cfg = loaded.config;
  if (!cfg.trusted_keys_invalid) {
    auto trust = ops::trust_from_config(cfg);
    if (!trust.problem.empty()) problems.push_back(file + ": security.trusted_keys: " + trust.problem);
  }
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
  std::string key;
  std::optional<std::string> file;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--config" && i + 1 < args.size())
      file = args[++i];
    else if (get && key.empty())
      key = args[i];
    else
      return usage("config: unexpected argument '" + args[i] + "'");
  }
  std::string path = file ? *file : config::default_config_path().string();
  auto loaded = config::load(path, file.has_value());
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
  if (problems.empty())
    std::cout << path << (loaded.file_read ? ": no problems" : ": not there; the built-in defaults apply") << "\n";
  return problems.empty() ? kExitOk : kExitProblems;
}

}  // namespace kiosk::tools
