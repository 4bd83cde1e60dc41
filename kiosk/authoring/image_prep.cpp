#include "kiosk/authoring/image_prep.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <fstream>
#include <iterator>

#include "kiosk/authoring/stb_image_impl.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/content/parallel.h"
#include "kiosk/content/sha256.h"

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
  static std::atomic<int> counter{0};
  fs::path png = fs::temp_directory_path() /
                 ("kiosk-svg-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".png");
  std::string width = std::to_string(kMaxShownWidth);
  std::vector<std::string> args = {"rsvg-convert", "--width",  width,        "--keep-aspect-ratio", "--format",
                                   "png",          "--output", png.string(), svg.string()};
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
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    bytes = read_file(png);
  else
    reason = "rsvg-convert could not rasterise the SVG";
  std::error_code ignored;
  fs::remove(png, ignored);
  return bytes;
}

// Scales a decoded picture to fit the largest shown size and re-encodes it in its own format.
std::vector<uint8_t> fit_to_shown_size(const content::DecodedImage& image, const std::string& mime, int& w, int& h) {
  double scale = std::min(
      {1.0, static_cast<double>(kMaxShownWidth) / image.width, static_cast<double>(kMaxShownHeight) / image.height});
  w = std::max(1, static_cast<int>(std::lround(image.width * scale)));
  h = std::max(1, static_cast<int>(std::lround(image.height * scale)));
  auto pixels = resize_rgba(image.rgba, image.width, image.height, w, h);
  return mime == "image/jpeg" ? encode_jpeg(pixels, w, h) : encode_png(pixels, w, h);
}

// One image's preparation; returns nullopt and sets `why` on failure.
std::optional<content::Image> prepare_one(const ImageSource& source, std::string& why) {
  std::vector<uint8_t> bytes =
      source.file.extension() == ".svg" ? rasterise_svg(source.file, why) : read_file(source.file);
  if (bytes.empty()) {
    if (why.empty()) why = "empty or unreadable file";
    return std::nullopt;
  }
  auto decoded = content::decode_image(bytes, why);
  if (!decoded) return std::nullopt;
  std::string mime = content::probe_image(bytes, why)->mime;
  int w = decoded->width, h = decoded->height;
  if (w > kMaxShownWidth || h > kMaxShownHeight) bytes = fit_to_shown_size(*decoded, mime, w, h);
  return content::Image{source.id,     mime,          w, h, content::sha256_hex(bytes), std::move(bytes), source.alt,
                        source.credit, source.licence};
}

}  // namespace

std::vector<content::Image> prepare_images(const Sources& sources, Diagnostics& problems) {
  // Rasterising is most of a build's time; the images are independent, so use every core.
  size_t n = sources.images.size();
  std::vector<std::optional<content::Image>> prepared(n);
  std::vector<std::string> why(n);
  content::for_each_in_parallel(n, [&](size_t i) { prepared[i] = prepare_one(sources.images[i], why[i]); });

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
