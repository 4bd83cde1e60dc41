#pragma once
// SVG illustrations rasterised in-process with librsvg and cairo, at the size they are
// shown at. In-process rather than through rsvg-convert so that the pixels go straight
// to a fast PNG encoding (png_encode.h) instead of being encoded, written, read back
// and decoded again.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::authoring {

struct Raster {
  int width = 0;
  int height = 0;
  int channels = 0;             // 3 when every pixel is opaque, else 4 (straight alpha)
  std::vector<uint8_t> pixels;  // width * height * channels, rows top to bottom
};

// Scales the SVG to fit a max_width x max_height box (larger or smaller, keeping its
// aspect ratio). Returns nullopt and sets `reason` for a file librsvg cannot read or
// render, or an SVG without a size.
std::optional<Raster> rasterise_svg(const std::filesystem::path& svg, int max_width, int max_height,
                                    std::string& reason);

}  // namespace kiosk::authoring
