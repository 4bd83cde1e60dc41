#pragma once
// Re-encoding photos as JPEG, with stb.

#include <cstdint>
#include <vector>

namespace kiosk::authoring {

std::vector<uint8_t> encode_jpeg(const std::vector<uint8_t>& rgba, int w, int h);

}  // namespace kiosk::authoring
