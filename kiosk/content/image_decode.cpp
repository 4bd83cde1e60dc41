#include "kiosk/content/image_decode.h"

#include <cstring>

// Our own stb_image, static so that it never clashes with (or is replaced by) the copy in
// Debian's libstb, which has every format enabled and is linked in through libimgui.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_image.h>
#pragma GCC diagnostic pop

namespace kiosk::content {
namespace {

std::string sniff_mime(const std::vector<uint8_t>& b) {
  static const uint8_t png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (b.size() >= 8 && std::memcmp(b.data(), png, 8) == 0) return "image/png";
  if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
  return "";
}

// Returns false, with the reason, when the size is beyond the limit.
bool within_size_limit(int64_t width, int64_t height, std::string& reason) {
  if (width > 0 && height > 0 && width <= kMaxImageSide && height <= kMaxImageSide) return true;
  reason = "image is " + std::to_string(width) + "x" + std::to_string(height) + ", beyond the limit of " +
           std::to_string(kMaxImageSide) + "x" + std::to_string(kMaxImageSide);
  return false;
}

}  // namespace

std::optional<ImageHeader> probe_image(const std::vector<uint8_t>& bytes, std::string& reason) {
  ImageHeader header;
  header.mime = sniff_mime(bytes);
  if (header.mime.empty()) {
    reason = "not a PNG or JPEG image";
    return std::nullopt;
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    reason = "image file too large";
    return std::nullopt;
  }
  // stb refuses very large PNGs with a bare "too large"; read the size ourselves to name the limit.
  if (header.mime == "image/png" && bytes.size() >= 24) {
    auto be32 = [&](size_t at) {
      return static_cast<int64_t>(bytes[at]) << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];
    };
    if (!within_size_limit(be32(16), be32(20), reason)) return std::nullopt;
  }
  int channels = 0;
  if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &header.width, &header.height, &channels)) {
    reason = std::string("cannot read the image header: ") + stbi_failure_reason();
    return std::nullopt;
  }
  if (!within_size_limit(header.width, header.height, reason)) return std::nullopt;
  return header;
}

std::optional<DecodedImage> decode_image(const std::vector<uint8_t>& bytes, std::string& reason) {
  auto header = probe_image(bytes, reason);
  if (!header) return std::nullopt;
  int w = 0, h = 0, channels = 0;
  stbi_uc* pixels = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4);
  if (!pixels) {
    reason = std::string("cannot decode the image: ") + stbi_failure_reason();
    return std::nullopt;
  }
  DecodedImage out{w, h, std::vector<uint8_t>(pixels, pixels + static_cast<size_t>(w) * static_cast<size_t>(h) * 4)};
  stbi_image_free(pixels);
  return out;
}

}  // namespace kiosk::content
