#pragma once
// Scaling decoded pictures, with stb_image_resize: the builder fits photos to the kiosk's
// largest size, and the kiosk uploads each picture at the size it is shown.

#include <cstdint>
#include <vector>

#include "kiosk/content/image_decode.h"

namespace kiosk::content {

// RGBA8 pixels scaled to new_w x new_h, filtered in sRGB's linear light (a photo's dark
// edges do not thicken as they shrink).
std::vector<uint8_t> resize_rgba(const std::vector<uint8_t>& rgba, int w, int h, int new_w, int new_h);

// The picture at 1 / 2^level of each side (at least one pixel); level 0 is `image` itself.
DecodedImage reduce_image(DecodedImage image, int level);

}  // namespace kiosk::content
