#pragma once
// A bundle font from arbitrary bytes, through both FreeType paths the project has:
// the installer's check (content::font_renders) and the kiosk's atlas baking
// (ui::Fonts: ImGui's FreeType builder, and our own rasteriser for large sizes). Baking
// needs no GL context: the atlas is built in memory. The kiosk bakes the fonts of any
// bundle that opened, so baking runs whatever the check said.

#include <imgui.h>

#include <cstdint>
#include <string>

#include "kiosk/content/validate.h"
#include "kiosk/ui/fonts.h"

namespace kiosk::fuzz {

inline void run_font(const uint8_t* data, size_t size) {
  content::Font font;
  font.bytes.assign(data, data + size);
  std::string reason;
  (void)content::font_renders(font.bytes, reason);
  if (font.bytes.empty()) return;

  ui::GlyphNeeds needs;
  for (size_t i = 0; i < static_cast<size_t>(ui::Role::Count); ++i)
    needs.add(static_cast<ui::Role>(i), "0123456789.,% 亿元万人次 Heping 和平区");
  // Most inputs bake small (fast); one in four at the 4K scale, where the figure size
  // goes through LargeGlyphs instead of ImGui's builder.
  float scale = (data[size - 1] & 3) == 0 ? 1.1f : 0.25f;
  ImFontAtlas atlas;
  ui::Fonts fonts;
  std::string error;
  (void)fonts.build(atlas, font, font, needs, scale, false, error);
}

}  // namespace kiosk::fuzz
