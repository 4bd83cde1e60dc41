#pragma once
// Installing, rolling back and describing bundles in the state directory, in an order
// that leaves `current` pointing at a complete, valid bundle whenever the process is
// killed or the power fails: copy and fsync, verify the copy, rename and fsync, switch
// the link. A bundle is never verified on the stick it came from, only as copied.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/fd.h"
#include "kiosk/ops/durable_file.h"
#include "kiosk/ops/state_dir.h"
#include "kiosk/ops/state_lock.h"

namespace kiosk::ops {

// Checks FILE against its signature FILE.minisig; returns an empty string when a
// trusted key signed it, else the reason (naming either path, or neither).
using SignatureCheck =
    std::function<std::string(const std::filesystem::path& bundle, const std::filesystem::path& signature)>;

// The largest bundle an install copies (the USB import's limit too): far above any real
// bundle, and it keeps a hostile file from filling the disk or holding up a stop.
constexpr off_t kMaxBundleBytes = off_t{512} << 20;

struct InstallOptions {
  bool allow_unsigned = false;   // development only: the operator panel says so
  bool allow_downgrade = false;  // install a version not above the current one
  int keep = 3;                  // installed bundles kept, besides current and previous
  std::string report_sha256;     // the report a bundle must carry (content.report_sha256); empty: any
  // How long to wait for another install or rollback in the same state directory.
  std::chrono::milliseconds lock_wait = std::chrono::seconds(60);
};

struct InstallResult {
  bool ok = false;
  std::string message;  // what happened, for the operator
  std::filesystem::path installed;
  int64_t version = 0;
  bool made_state_dir = false;  // the state directory did not exist; this install made it
};

// Takes the state directory's lock for the whole install. FILE may be a link (an
// operator names it); the inbox passes Links::Refuse.
InstallResult install_bundle(const std::filesystem::path& file, const StateDir& state, const InstallOptions& options,
                             const SignatureCheck& check_signature, Links links = Links::Follow);
// The same, for a caller that holds the lock already (the inbox, between its own steps).
InstallResult install_bundle_locked(const std::filesystem::path& file, const StateDir& state,
                                    const InstallOptions& options, const SignatureCheck& check_signature, Links links,
                                    const StateLock& held);

// Removes the copies of installs that were killed half way; needs the lock, so that no
// install is in flight.
void remove_unfinished_copies(const StateDir& state, const StateLock& held);

// Makes `previous` current again (and the current one previous), under the lock.
InstallResult rollback(const StateDir& state, std::chrono::milliseconds lock_wait = std::chrono::seconds(60));

struct InstalledBundle {
  std::filesystem::path path;
  std::string id;
  int64_t version = 0;
  bool current = false, previous = false, signed_ = false;
  std::string key_id;   // the key its .minisig names (hex, as minisign prints it), if it has one that parses
  std::string problem;  // why it cannot be opened, if it cannot
};

struct Status {
  std::optional<InstalledBundle> current, previous;
  std::vector<InstalledBundle> bundles;
  std::vector<std::string> history;          // the last lines, newest last
  int64_t highest_version = 0;               // what an install must be above (without --allow-downgrade)
  std::string highest_problem;               // why the record of it cannot be read, if it cannot
  size_t refused = 0;                        // entries the inbox set aside and keeps
  std::string newest_refusal;                // "WHEN NAME: reason" of the newest, escaped
  std::vector<std::string> recent_refusals;  // the same of the newest few set-asides, newest first
};

Status read_status(const StateDir& state);

// The key id (hex) a .minisig file names, or "" when it cannot be read or parsed. Says
// which key signed an installed bundle; it was verified against that key when installed.
std::string signature_key_id(const std::filesystem::path& signature);

// Marks a bundle as open by this process (a shared lock), so that pruning never deletes it.
// Returns the descriptor to keep open; none if the lock could not be taken.
base::Fd hold_open(const std::filesystem::path& bundle);

}  // namespace kiosk::ops
