#include "kiosk/fleet/rollout.h"

#include <sodium.h>

#include <algorithm>

namespace kiosk::fleet {

int rollout_bucket(const std::string& kiosk_id, int64_t version) {
  std::string input = kiosk_id + "\n" + std::to_string(version);
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  // The whole digest mod 100, by Horner's rule: no bias from taking only a prefix.
  unsigned remainder = 0;
  for (unsigned char byte : digest) remainder = (remainder * 256 + byte) % 100;
  return static_cast<int>(remainder);
}

bool in_rollout(const Manifest& manifest, const std::string& kiosk_id, const std::string& group) {
  if (!group.empty() && std::find(manifest.groups.begin(), manifest.groups.end(), group) != manifest.groups.end())
    return true;
  return rollout_bucket(kiosk_id, manifest.version) < manifest.rollout_percent;
}

}  // namespace kiosk::fleet
