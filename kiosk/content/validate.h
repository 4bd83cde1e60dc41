#pragma once
// The full check of a bundle, run at install time and by operators (`kioskctl validate`):
// everything the kiosk's quick open checks, plus every page, image, font, text and
// reference. A bundle with no problems is one the kiosk will show.

#include <filesystem>
#include <string>
#include <string_view>
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

// How a text column is checked beyond UTF-8: its length in bytes (0: max_text_bytes),
// its format, and whether it may hold line breaks and tabs (no text may hold any other
// C0 control character, or DEL).
enum class TextFormat { Text, Id, UiKey, Date, Time, Colour, Icon, Mime, Sha256 };
struct TextRule {
  std::string_view table, column;
  size_t max_bytes;
  TextFormat format;
  bool multiline;
};

// The rule of a text column of the schema, or nullptr for a column it does not know.
const TextRule* text_rule(std::string_view table, std::string_view column);

// One line per problem, each starting with the file's path; empty when the bundle is good.
// With `report_sha256`, the report the bundle carries must also be that one: a bundle's
// own checksum of its report proves nothing if the report was replaced along with it.
std::vector<std::string> validate_bundle(const std::filesystem::path& path, const BundleLimits& limits = {},
                                         std::string_view report_sha256 = {});

// Whether FreeType can load the font and render a digit from it; sets `reason` if not.
bool font_renders(const std::vector<uint8_t>& bytes, std::string& reason);

}  // namespace kiosk::content
