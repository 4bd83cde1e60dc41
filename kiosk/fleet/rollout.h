#pragma once
// Who installs a release: a kiosk is in the rollout when its bucket for that version is
// below the manifest's percentage, or when the manifest names its group. The bucket is
// SHA-256("KIOSK_ID\nVERSION") read as a big-endian number, mod 100: stable for one
// kiosk and version, so raising the percentage only adds kiosks, and independent between
// versions, so the same kiosks are not always first.

#include <cstdint>
#include <string>

#include "kiosk/fleet/manifest.h"

namespace kiosk::fleet {

int rollout_bucket(const std::string& kiosk_id, int64_t version);
bool in_rollout(const Manifest& manifest, const std::string& kiosk_id, const std::string& group);

}  // namespace kiosk::fleet
