#include "kiosk/authoring/image_prep.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "kiosk/authoring/png_encode.h"
#include "kiosk/authoring/stb_image_impl.h"
#include "kiosk/authoring/svg_raster.h"
#include "kiosk/base/parallel.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/content/image_scale.h"
#include "kiosk/content/sha256.h"

namespace kiosk::authoring {
namespace {

namespace fs = std::filesystem;

std::vector<uint8_t> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Scales a decoded picture to fit the largest shown size and re-encodes it in its own format.
std::vector<uint8_t> fit_to_shown_size(const content::DecodedImage& image, const std::string& mime, int& w, int& h) {
  double scale = std::min(
      {1.0, static_cast<double>(kMaxShownWidth) / image.width, static_cast<double>(kMaxShownHeight) / image.height});
  w = std::max(1, static_cast<int>(std::lround(image.width * scale)));
  h = std::max(1, static_cast<int>(std::lround(image.height * scale)));
  auto pixels = content::resize_rgba(image.rgba, image.width, image.height, w, h);
  return mime == "image/jpeg" ? encode_jpeg(pixels, w, h) : encode_png(pixels, w, h, 4);
}

// An illustration, drawn at the size it is shown at.
std::optional<content::Image> prepare_svg(const ImageSource& source, std::string& why) {
  auto raster = rasterise_svg(source.file, kMaxShownWidth, kMaxShownHeight, why);
  if (!raster) return std::nullopt;
  auto bytes = encode_png(raster->pixels, raster->width, raster->height, raster->channels);
  return content::Image{source.id,        "image/png", raster->width, raster->height, content::sha256_hex(bytes),
                        std::move(bytes), source.alt,  source.credit, source.licence};
}

// A photo (PNG or JPEG), checked by decoding it, and scaled down if it is larger than shown.
std::optional<content::Image> prepare_photo(const ImageSource& source, std::string& why) {
  std::vector<uint8_t> bytes = read_file(source.file);
  if (bytes.empty()) {
    why = "empty or unreadable file";
    return std::nullopt;
  }
  auto decoded = content::decode_image(bytes, why);
  if (!decoded) return std::nullopt;
  // Decoded, so a PNG or a JPEG; told by the first byte rather than by probing again (which
  // would inflate a PNG's image data once more).
  std::string mime = bytes[0] == 0x89 ? "image/png" : "image/jpeg";
  int w = decoded->width, h = decoded->height;
  if (w > kMaxShownWidth || h > kMaxShownHeight) bytes = fit_to_shown_size(*decoded, mime, w, h);
  return content::Image{source.id,     mime,          w, h, content::sha256_hex(bytes), std::move(bytes), source.alt,
                        source.credit, source.licence};
}

std::optional<content::Image> prepare_one(const ImageSource& source, std::string& why) {
  return source.file.extension() == ".svg" ? prepare_svg(source, why) : prepare_photo(source, why);
}

}  // namespace

std::vector<content::Image> prepare_images(const Sources& sources, Diagnostics& problems) {
  // Rasterising is most of a build's time; the images are independent, so use every core.
  size_t n = sources.images.size();
  std::vector<std::optional<content::Image>> prepared(n);
  std::vector<std::string> why(n);
  base::for_each_in_parallel(n, [&](size_t i) { prepared[i] = prepare_one(sources.images[i], why[i]); });

  std::vector<content::Image> out;
  for (size_t i = 0; i < n; ++i) {
    const auto& source = sources.images[i];
    if (prepared[i]) {
      out.push_back(std::move(*prepared[i]));
      continue;
    }
    auto colon = source.defined_in.rfind(':');
    problems.push_back({source.defined_in.substr(0, colon), std::stoi(source.defined_in.substr(colon + 1)),
                        "image '" + source.id + "' (" + source.file.filename().string() + "): " + why[i]});
  }
  return out;
}

}  // namespace kiosk::authoring
