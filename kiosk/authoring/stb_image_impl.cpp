// The authoring layer's own static copy of stb's JPEG writer.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#include <stb_image_write.h>
#pragma GCC diagnostic pop

#include "kiosk/authoring/stb_image_impl.h"

namespace kiosk::authoring {
namespace {

void append(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  auto* bytes = static_cast<uint8_t*>(data);
  out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

std::vector<uint8_t> encode_jpeg(const std::vector<uint8_t>& rgba, int w, int h) {
  std::vector<uint8_t> out;
  stbi_write_jpg_to_func(append, &out, w, h, 4, rgba.data(), 90);
  return out;
}

}  // namespace kiosk::authoring
