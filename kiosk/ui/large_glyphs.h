#pragma once
// Glyphs too large for ImGui 1.86's FreeType builder, rasterised by us into the atlas.
// That builder keeps each glyph as RGBA in 256 KB scratch chunks and overflows the heap
// on any glyph above 65,536 pixels: the 240 px figures at 4K are twice that. So large
// sizes are registered as custom glyph rectangles and filled in after the atlas is built.

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/content/type_scale.h"

namespace kiosk::ui {

// Sizes above kLargestBuilderGlyphPx (content/type_scale.h) go through LargeGlyphs.
using content::kLargestBuilderGlyphPx;

class LargeGlyphs {
 public:
  // Adds a font of `size_px` to `atlas` whose glyphs (those in `ranges`) are custom
  // rectangles. Returns nullptr with `error` set if FreeType cannot read the font.
  ImFont* add(ImFontAtlas& atlas, const std::vector<uint8_t>& font_bytes, float size_px, const ImWchar* ranges,
              std::string& error);
  // Copies the rasterised glyphs into the built atlas's Alpha8 pixels.
  void blit(ImFontAtlas& atlas) const;

 private:
  struct Glyph {
    int rect_id;
    int width, height;
    std::vector<uint8_t> pixels;
  };
  std::vector<Glyph> glyphs_;
};

}  // namespace kiosk::ui
