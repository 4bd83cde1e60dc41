#pragma once
// Where the kiosk and every kioskctl command find the configuration file and the state
// directory: `--config FILE` and `--state-dir DIR`, parsed by this one function so that
// all of them take the same flags with the same precedence (flag > the configuration's
// content.state_dir > the built-in default).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/config/config.h"

namespace kiosk::config {

struct Locations {
  std::optional<std::filesystem::path> config_file;  // --config FILE
  std::optional<std::filesystem::path> state_dir;    // --state-dir DIR

  // If args[i] is --config or --state-dir, takes it and its value (advancing i) and
  // returns true; `error` is set when the value is missing or empty.
  bool take(const std::vector<std::string>& args, size_t& i, std::string& error);
};

// The configuration read from where `where` says, with state_dir resolved.
struct Located {
  Loaded loaded;
  std::filesystem::path config_file;
  std::string state_dir_source;  // "--state-dir", "content.state_dir in FILE" or "the default"
  const Config& config() const { return loaded.config; }
  const std::filesystem::path& state_dir() const { return loaded.config.state_dir; }
};

Located locate(const Locations& where);

// Empty when the state directory exists as a directory, else the operator's message:
// "DIR: the state directory does not exist (from SOURCE)".
std::string missing_state_dir(const Located& located);

// For install, the one command that makes the state directory: empty when the state
// directory exists or only its last part is missing, else the operator's message naming
// the parent that does not exist (so that a mistyped path never becomes a new tree), or
// saying that the path is not a directory.
std::string missing_state_dir_parent(const Located& located);

}  // namespace kiosk::config
