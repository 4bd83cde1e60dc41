#pragma once
// The bundle's fonts baked into one atlas with FreeType: each type role at its own
// pixel size, each with only the glyphs shown at that size, so nothing is scaled
// (blurry) and the atlas stays small even at 3840x2160.

#include <imgui.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/content/model.h"
#include "kiosk/ui/large_glyphs.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

// The texts each role will draw; their characters decide the role's glyphs.
struct GlyphNeeds {
  std::array<std::vector<std::string>, static_cast<size_t>(Role::Count)> texts;
  void add(Role role, const std::string& text) { texts[static_cast<size_t>(role)].push_back(text); }
};

// A code point a text needs that its role's baked font lacks (the font has no glyph for
// it): drawn, it would show as the fallback glyph.
struct MissingGlyph {
  Role role;
  float size;  // the role's baked pixel size
  char32_t code_point;
  std::string text;  // the first text that needs it
};
// Worded for a log: "caption 28 px lacks U+2603 ☃ (in "...")".
std::string describe(const MissingGlyph& missing);

class Fonts;
// What each role's texts in `needs` need that the baked `fonts` lack.
std::vector<MissingGlyph> missing_glyphs(const Fonts& fonts, const GlyphNeeds& needs);

class Fonts {
 public:
  // Bakes into `atlas` (cleared first). Returns false with `error` set when a font
  // cannot be parsed; the atlas is then left empty.
  bool build(ImFontAtlas& atlas, const content::Font& regular, const content::Font& bold, const GlyphNeeds& needs,
             float scale, bool large_text, std::string& error);

  // The baked atlas to and from a file (fonts_file.cpp), so that a restart need not bake
  // again. `key` names everything the bake read; load() accepts only a whole, undamaged
  // file written under the same key, and otherwise returns false with `atlas` untouched.
  bool save(const ImFontAtlas& atlas, const std::filesystem::path& file, const std::string& key) const;
  bool load(ImFontAtlas& atlas, const std::filesystem::path& file, const std::string& key);

  ImFont* get(Role role) const { return fonts_[static_cast<size_t>(role)]; }
  float size(Role role) const { return sizes_[static_cast<size_t>(role)]; }
  size_t atlas_bytes() const { return atlas_bytes_; }
  int atlas_width() const { return atlas_width_; }
  int atlas_height() const { return atlas_height_; }

 private:
  std::vector<uint8_t> regular_, bold_;  // the atlas reads from these while building, then they go
  std::array<ImVector<ImWchar>, static_cast<size_t>(Role::Count)> ranges_;
  std::array<ImFont*, static_cast<size_t>(Role::Count)> fonts_{};
  LargeGlyphs large_glyphs_;
  std::array<float, static_cast<size_t>(Role::Count)> sizes_{};
  size_t atlas_bytes_ = 0;
  int atlas_width_ = 0, atlas_height_ = 0;
};

}  // namespace kiosk::ui
