#pragma once
// `kioskctl publish`: a channel as a static tree that any web server, CDN or local folder
// serves as it is:
//
//   OUT/channels/NAME.toml (+ .minisig)       the manifest, the one file that changes
//   OUT/bundles/SHA256.bundle (+ .minisig)    each bundle under its sha256: immutable
//   OUT/patches/FROM-TO.zst                   a zstd patch from the channel's previous bundle
//
// The bundle is validated before anything is written; the manifest's serial is one above
// the one it replaces, and its version may not go below the one it replaces (a rollback
// is the old content published as a newer version). Two publishers of one tree take turns
// (an flock on OUT/.publish-lock).

#include <ctime>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "kiosk/fleet/manifest.h"
#include "kiosk/ops/minisign.h"

namespace kiosk::fleet {

struct PublishError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct PublishOptions {
  std::string channel;
  std::filesystem::path out;
  int rollout_percent = 100;
  std::vector<std::string> groups;
  int expires_days = 30;
  std::time_t now = 0;
};

struct PublishResult {
  Manifest manifest;
  std::vector<std::string> written;  // the files made, relative to OUT
  std::optional<Manifest> replaced;  // the manifest it replaced
};

std::filesystem::path manifest_path(const std::filesystem::path& out, const std::string& channel);

PublishResult publish(const std::filesystem::path& bundle, const ops::MinisignSecretKey& key,
                      const PublishOptions& options);

}  // namespace kiosk::fleet
