#define STB_IMAGE_RESIZE_IMPLEMENTATION
#define STB_IMAGE_RESIZE_STATIC
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#include <stb_image_resize.h>
#pragma GCC diagnostic pop

#include <algorithm>
#include <utility>

#include "kiosk/content/image_scale.h"

namespace kiosk::content {

std::vector<uint8_t> resize_rgba(const std::vector<uint8_t>& rgba, int w, int h, int new_w, int new_h) {
  std::vector<uint8_t> out(static_cast<size_t>(new_w) * static_cast<size_t>(new_h) * 4);
  stbir_resize_uint8_srgb(rgba.data(), w, h, 0, out.data(), new_w, new_h, 0, 4, 3, 0);
  return out;
}

DecodedImage reduce_image(DecodedImage image, int level) {
  if (level <= 0) return image;
  int w = std::max(1, image.width >> level), h = std::max(1, image.height >> level);
  return DecodedImage{w, h, resize_rgba(image.rgba, image.width, image.height, w, h)};
}

}  // namespace kiosk::content
