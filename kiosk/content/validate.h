#pragma once
// The full check of a bundle, run at install time and by operators (`kioskctl validate`):
// everything the kiosk's quick open checks, plus every page, image, font, text and
// reference. A bundle with no problems is one the kiosk will show.

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::content {

// Limits a bundle must keep; anything beyond is refused with the limit named.
struct BundleLimits {
  int64_t max_items = 20000;
  int64_t max_images = 2000;
  size_t max_text_bytes = 64 * 1024;
  size_t max_image_bytes = 16 * 1024 * 1024;
  size_t max_font_bytes = 16 * 1024 * 1024;
};

// One line per problem, each starting with the file's path; empty when the bundle is good.
std::vector<std::string> validate_bundle(const std::filesystem::path& path, const BundleLimits& limits = {});

// Whether FreeType can load the font and render a digit from it; sets `reason` if not.
bool font_renders(const std::vector<uint8_t>& bytes, std::string& reason);

}  // namespace kiosk::content
