#pragma once
// Bundle image bytes through the project's own stb_image: the header probe that
// validate and the texture cache run first, then the full decode.

#include <cstdint>
#include <vector>

#include "kiosk/content/image_decode.h"

namespace kiosk::fuzz {

inline void run_image(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(data, data + size);
  std::string reason;
  auto header = content::probe_image(bytes, reason);
  auto image = content::decode_image(bytes, reason);
  // A decode the probe refused, or pixels that do not match the size, would let a bad
  // image past the installer's checks or make the texture upload read out of bounds.
  if (image && (!header || image->rgba.size() != static_cast<size_t>(image->width) * image->height * 4)) abort();
}

}  // namespace kiosk::fuzz
