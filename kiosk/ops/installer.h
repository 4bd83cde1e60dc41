#pragma once
// Installing, rolling back and describing bundles in the state directory, in an order
// that leaves `current` pointing at a complete, valid bundle whenever the process is
// killed or the power fails: copy and fsync, verify the copy, rename and fsync, switch
// the link. A bundle is never verified on the stick it came from, only as copied.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/ops/state_dir.h"

namespace kiosk::ops {

// Checks FILE against its signature FILE.minisig; returns an empty string when a
// trusted key signed it, else the reason.
using SignatureCheck =
    std::function<std::string(const std::filesystem::path& bundle, const std::filesystem::path& signature)>;

struct InstallOptions {
  bool allow_unsigned = false;   // development only: the operator panel says so
  bool allow_downgrade = false;  // install a version not above the current one
  int keep = 3;                  // installed bundles kept, besides current and previous
};

struct InstallResult {
  bool ok = false;
  std::string message;  // what happened, for the operator
  std::filesystem::path installed;
  int64_t version = 0;
};

InstallResult install_bundle(const std::filesystem::path& file, const StateDir& state, const InstallOptions& options,
                             const SignatureCheck& check_signature);

// Makes `previous` current again (and the current one previous).
InstallResult rollback(const StateDir& state);

struct InstalledBundle {
  std::filesystem::path path;
  std::string id;
  int64_t version = 0;
  bool current = false, previous = false, signed_ = false;
  std::string problem;  // why it cannot be opened, if it cannot
};

struct Status {
  std::optional<InstalledBundle> current, previous;
  std::vector<InstalledBundle> bundles;
  std::vector<std::string> history;  // the last lines, newest last
};

Status read_status(const StateDir& state);

// Marks a bundle as open by this process (a shared lock), so that pruning never deletes it.
// Returns the descriptor to keep open; -1 if the lock could not be taken.
int hold_open(const std::filesystem::path& bundle);

}  // namespace kiosk::ops
