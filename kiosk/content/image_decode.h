#pragma once
// Decoding bundle images with the project's own stb_image build (PNG and JPEG only,
// no stdio). Dimensions are checked from the header before any pixel is allocated,
// so a "bomb" that claims 60000x60000 is refused cheaply; and a PNG's image data is
// inflated into a small scratch buffer first, so one whose data inflates beyond the size
// its header gives (a zlib bomb) is refused before stb inflates it all into memory.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::content {

constexpr int kMaxImageSide = 4096;

struct ImageHeader {
  int width = 0;
  int height = 0;
  std::string mime;  // image/png or image/jpeg
};

struct DecodedImage {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;  // width * height * 4
};

// Reads the header, allocating no pixels (for a PNG it also inflates the image data, into a
// scratch buffer, to check its size). On failure returns nullopt and sets `reason`.
std::optional<ImageHeader> probe_image(const std::vector<uint8_t>& bytes, std::string& reason);

// Full decode to RGBA8, after the same checks as probe_image.
std::optional<DecodedImage> decode_image(const std::vector<uint8_t>& bytes, std::string& reason);

}  // namespace kiosk::content
