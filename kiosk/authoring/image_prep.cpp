#include "kiosk/authoring/image_prep.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "kiosk/content/sha256.h"
#include "kiosk/authoring/stb_image_impl.h"
#include "kiosk/content/image_decode.h"

extern char** environ;

namespace kiosk::authoring {
namespace {

namespace fs = std::filesystem;

std::vector<uint8_t> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Rasterises an SVG at the largest size it is shown at; returns empty bytes on failure.
std::vector<uint8_t> rasterise_svg(const fs::path& svg, std::string& reason) {
  fs::path png = fs::temp_directory_path() / ("kiosk-svg-" + std::to_string(::getpid()) + ".png");
  std::string width = std::to_string(kMaxShownWidth);
  std::vector<std::string> args = {"rsvg-convert", "--width", width, "--keep-aspect-ratio",
                                   "--format",     "png",     "--output", png.string(), svg.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "rsvg-convert", nullptr, nullptr, argv.data(), environ) != 0) {
    reason = "cannot run rsvg-convert (Debian package librsvg2-bin)";
    return {};
  }
  int status = 0;
  waitpid(pid, &status, 0);
  std::vector<uint8_t> bytes;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) bytes = read_file(png);
  else reason = "rsvg-convert could not rasterise the SVG";
  std::error_code ignored;
  fs::remove(png, ignored);
  return bytes;
}

// Scales a decoded picture to fit the largest shown size and re-encodes it in its own format.
std::vector<uint8_t> fit_to_shown_size(const content::DecodedImage& image, const std::string& mime, int& w, int& h) {
  double scale = std::min({1.0, static_cast<double>(kMaxShownWidth) / image.width,
                           static_cast<double>(kMaxShownHeight) / image.height});
  w = std::max(1, static_cast<int>(std::lround(image.width * scale)));
  h = std::max(1, static_cast<int>(std::lround(image.height * scale)));
  auto pixels = resize_rgba(image.rgba, image.width, image.height, w, h);
  return mime == "image/jpeg" ? encode_jpeg(pixels, w, h) : encode_png(pixels, w, h);
}

}  // namespace

std::vector<content::Image> prepare_images(const Sources& sources, Diagnostics& problems) {
  std::vector<content::Image> out;
  for (const auto& source : sources.images) {
    auto colon = source.defined_in.rfind(':');
    auto fail = [&](const std::string& why) {
      problems.push_back({source.defined_in.substr(0, colon), std::stoi(source.defined_in.substr(colon + 1)),
                          "image '" + source.id + "' (" + source.file.filename().string() + "): " + why});
    };
    std::string reason;
    std::vector<uint8_t> bytes = source.file.extension() == ".svg" ? rasterise_svg(source.file, reason)
                                                                   : read_file(source.file);
    if (bytes.empty()) {
      fail(reason.empty() ? "empty or unreadable file" : reason);
      continue;
    }
    auto decoded = content::decode_image(bytes, reason);
    if (!decoded) {
      fail(reason);
      continue;
    }
    std::string mime = content::probe_image(bytes, reason)->mime;
    int w = decoded->width, h = decoded->height;
    if (w > kMaxShownWidth || h > kMaxShownHeight) bytes = fit_to_shown_size(*decoded, mime, w, h);
    out.push_back({source.id, mime, w, h, content::sha256_hex(bytes), std::move(bytes), source.alt, source.credit,
                   source.licence});
  }
  return out;
}

}  // namespace kiosk::authoring
