#pragma once
// The keys a kiosk or an install trusts, from the configuration or from key files, and
// the signature check built on them. Any key that cannot be read trusts nothing.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/config/config.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/minisign.h"

namespace kiosk::ops {

struct Trust {
  std::vector<MinisignPublicKey> keys;
  std::string problem;  // when set, nothing is trusted and every install is refused
};

Trust trust_from_config(const config::Config& config);
Trust trust_from_files(const std::vector<std::string>& key_files);

// Checks a bundle's signature against the trusted keys; the reason names no file.
SignatureCheck signature_check(const Trust& trust);

}  // namespace kiosk::ops
