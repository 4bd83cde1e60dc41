#pragma once
// Cuts a font down to exactly the characters a bundle uses (HarfBuzz's subsetter), so
// that the kiosk carries a few hundred kilobytes of Noto Sans CJK instead of tens of megabytes.

#include <cstdint>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk::authoring {

class FontError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Noto Sans CJK as Debian's fonts-noto-cjk installs it; face 2 of each .ttc is Simplified Chinese.
struct FontSource {
  std::filesystem::path file;
  unsigned face_index = 2;
  std::string family = "Noto Sans CJK SC";
};
FontSource default_font(const std::string& role);  // role: regular | bold

// The characters every bundle carries whatever its text: ASCII, digits, common punctuation.
std::set<char32_t> base_characters();
std::set<char32_t> characters_of(const std::vector<std::string>& texts);

std::vector<uint8_t> subset_font(const FontSource& source, const std::set<char32_t>& characters);

}  // namespace kiosk::authoring
