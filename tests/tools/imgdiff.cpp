// imgdiff: compares two PNG screenshots with a per-channel tolerance and a budget of
// differing pixels, for the screenshot reference tests (tests/screenshots/README.md).
//
//   imgdiff REFERENCE.png ACTUAL.png [--tolerance N] [--max-pixels P|P%] [--diff OUT.png]
//   imgdiff --plant-shift IN.png OUT.png X Y W H DX DY
//
// Exit codes: 0 pass, 1 the images differ (or their sizes do), 2 usage error or a file
// that cannot be read or written.

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

// Our own static copies of stb_image and stb_image_write (PNG only), as the kiosk does.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wshadow"
#include <stb_image.h>
#include <stb_image_write.h>
#pragma GCC diagnostic pop

namespace {

constexpr int kDefaultTolerance = 16;        // levels per RGB channel (of 255)
constexpr double kDefaultMaxPercent = 0.01;  // of all pixels: 207 at 1920x1080
constexpr int kExitFail = 1;
constexpr int kExitError = 2;

const char* const kUsage =
    "usage: imgdiff REFERENCE.png ACTUAL.png [--tolerance N] [--max-pixels P|P%] [--diff OUT.png]\n"
    "       imgdiff --plant-shift IN.png OUT.png X Y W H DX DY\n"
    "\n"
    "  A pixel differs when any of its R, G, B channels differs by more than N\n"
    "  (default 16). The images pass when their sizes match and at most P pixels\n"
    "  differ; P is a count, or a percentage of all pixels with a trailing '%'\n"
    "  (default 0.01%, i.e. 207 pixels at 1920x1080).\n"
    "  --diff writes the differing pixels in red over a darkened copy of ACTUAL.\n"
    "  --plant-shift copies IN to OUT with the rectangle X,Y,W,H moved by DX,DY (the\n"
    "  vacated area filled with the colour just above-left of the rectangle), to plant\n"
    "  a visible defect. Exit: 0 pass, 1 differ, 2 usage or file error.\n";

struct Image {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> rgba;  // width * height * 4

  unsigned char* at(int x, int y) { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
  const unsigned char* at(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
};

int usage_error(const std::string& message) {
  std::cerr << "imgdiff: " << message << "\n" << kUsage;
  return kExitError;
}

std::optional<Image> load(const std::string& path) {
  int w = 0, h = 0, channels = 0;
  unsigned char* data = stbi_load(path.c_str(), &w, &h, &channels, 4);
  if (!data) {
    const char* reason = stbi_failure_reason();
    std::cerr << "imgdiff: cannot read " << path << ": " << (reason ? reason : "unknown error") << "\n";
    return std::nullopt;
  }
  Image image;
  image.width = w;
  image.height = h;
  image.rgba.assign(data, data + static_cast<size_t>(w) * h * 4);
  stbi_image_free(data);
  return image;
}

bool save(const std::string& path, const Image& image) {
  if (!stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4)) {
    std::cerr << "imgdiff: cannot write " << path << "\n";
    return false;
  }
  return true;
}

std::optional<long> parse_long(const std::string& text) {
  if (text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  long value = std::strtol(text.c_str(), &end, 10);
  if (errno != 0 || *end != '\0') return std::nullopt;
  return value;
}

std::optional<double> parse_percent(const std::string& text) {
  if (text.size() < 2 || text.back() != '%') return std::nullopt;
  std::string number = text.substr(0, text.size() - 1);
  errno = 0;
  char* end = nullptr;
  double value = std::strtod(number.c_str(), &end);
  if (errno != 0 || *end != '\0' || !std::isfinite(value) || value < 0 || value > 100) return std::nullopt;
  return value;
}

int plant_shift(int argc, char** argv) {
  if (argc != 10) return usage_error("--plant-shift takes IN.png OUT.png X Y W H DX DY");
  long v[6];
  for (int i = 0; i < 6; ++i) {
    auto n = parse_long(argv[4 + i]);
    if (!n || std::labs(*n) > 100000) return usage_error(std::string("not a number: '") + argv[4 + i] + "'");
    v[i] = *n;
  }
  auto in = load(argv[2]);
  if (!in) return kExitError;
  const int x = static_cast<int>(v[0]), y = static_cast<int>(v[1]), w = static_cast<int>(v[2]),
            h = static_cast<int>(v[3]), dx = static_cast<int>(v[4]), dy = static_cast<int>(v[5]);
  if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > in->width || y + h > in->height)
    return usage_error("the rectangle " + std::to_string(x) + "," + std::to_string(y) + " " + std::to_string(w) + "x" +
                       std::to_string(h) + " is not inside the " + std::to_string(in->width) + "x" +
                       std::to_string(in->height) + " image");

  Image out = *in;
  // Fill the vacated rectangle with the colour just above-left of it (the surrounding ground).
  unsigned char fill[4];
  std::memcpy(fill, in->at(std::max(x - 1, 0), std::max(y - 1, 0)), 4);
  for (int yy = y; yy < y + h; ++yy)
    for (int xx = x; xx < x + w; ++xx) std::memcpy(out.at(xx, yy), fill, 4);
  // Paste the original rectangle at its new place, clipped to the image.
  for (int yy = y; yy < y + h; ++yy) {
    for (int xx = x; xx < x + w; ++xx) {
      int tx = xx + dx, ty = yy + dy;
      if (tx < 0 || ty < 0 || tx >= out.width || ty >= out.height) continue;
      std::memcpy(out.at(tx, ty), in->at(xx, yy), 4);
    }
  }
  if (!save(argv[3], out)) return kExitError;
  std::cout << "imgdiff: moved " << w << "x" << h << " at " << x << "," << y << " by " << dx << "," << dy << " into "
            << argv[3] << "\n";
  return 0;
}

int compare(int argc, char** argv) {
  std::vector<std::string> files;
  long tolerance = kDefaultTolerance;
  long max_pixels = -1;  // -1: use max_percent
  double max_percent = kDefaultMaxPercent;
  std::optional<std::string> diff_path;

  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (arg == "--tolerance" || arg == "--max-pixels" || arg == "--diff") {
      if (i + 1 >= argc) return usage_error(arg + " needs a value");
      std::string value = argv[++i];
      if (arg == "--diff") {
        diff_path = value;
      } else if (arg == "--tolerance") {
        auto n = parse_long(value);
        if (!n || *n < 0 || *n > 255) return usage_error("--tolerance must be 0..255 (got '" + value + "')");
        tolerance = *n;
      } else if (auto percent = parse_percent(value)) {
        max_pixels = -1;
        max_percent = *percent;
      } else {
        auto n = parse_long(value);
        if (!n || *n < 0) return usage_error("--max-pixels must be a count or a percentage (got '" + value + "')");
        max_pixels = *n;
      }
    } else if (arg.size() > 1 && arg[0] == '-') {
      return usage_error("unknown option " + arg);
    } else {
      files.push_back(arg);
    }
  }
  if (files.size() != 2) return usage_error("expected REFERENCE.png and ACTUAL.png");

  auto reference = load(files[0]);
  if (!reference) return kExitError;
  auto actual = load(files[1]);
  if (!actual) return kExitError;
  if (reference->width != actual->width || reference->height != actual->height) {
    std::cout << "imgdiff: size mismatch: " << files[0] << " is " << reference->width << "x" << reference->height
              << ", " << files[1] << " is " << actual->width << "x" << actual->height << ": FAIL\n";
    return kExitFail;
  }

  const long total = static_cast<long>(actual->width) * actual->height;
  const long allowed = max_pixels >= 0 ? max_pixels : static_cast<long>(std::floor(total * max_percent / 100.0));
  long differing = 0;
  int max_delta = 0;
  Image diff;
  if (diff_path) diff = *actual;
  for (int y = 0; y < actual->height; ++y) {
    for (int x = 0; x < actual->width; ++x) {
      const unsigned char* a = reference->at(x, y);
      const unsigned char* b = actual->at(x, y);
      int delta = 0;
      for (int c = 0; c < 3; ++c) delta = std::max(delta, std::abs(int(a[c]) - int(b[c])));
      max_delta = std::max(max_delta, delta);
      const bool differs = delta > tolerance;
      if (differs) ++differing;
      if (diff_path) {
        unsigned char* d = diff.at(x, y);
        if (differs) {
          d[0] = 255, d[1] = 0, d[2] = 0;
        } else {
          for (int c = 0; c < 3; ++c) d[c] = static_cast<unsigned char>(d[c] / 4);
        }
        d[3] = 255;
      }
    }
  }
  const bool pass = differing <= allowed;
  std::cout << "imgdiff: " << differing << " differing pixels (max channel delta " << max_delta << ") of " << total
            << "; tolerance " << tolerance << ", allowed " << allowed << ": " << (pass ? "PASS" : "FAIL") << "\n";
  if (diff_path && !save(*diff_path, diff)) return kExitError;
  return pass ? 0 : kExitFail;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && std::string(argv[1]) == "--plant-shift") return plant_shift(argc, argv);
  return compare(argc, argv);
}
