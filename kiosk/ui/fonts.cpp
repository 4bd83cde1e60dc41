#include "kiosk/ui/fonts.h"

#include <imgui_freetype.h>

#include <cmath>

namespace kiosk::ui {

bool Fonts::build(ImFontAtlas& atlas, const content::Font& regular, const content::Font& bold, const GlyphNeeds& needs,
                  float scale, bool large_text, std::string& error) {
  atlas.Clear();
  large_glyphs_ = {};
  regular_ = regular.bytes;
  bold_ = bold.bytes;
  atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;
  atlas.TexDesiredWidth = 4096;
  for (size_t i = 0; i < static_cast<size_t>(Role::Count); ++i) {
    auto role = static_cast<Role>(i);
    ImFontGlyphRangesBuilder builder;
    builder.AddChar(0x2026);  // … for text that does not fit
    builder.AddChar(0x20);
    builder.AddChar(0xFFFD);
    for (const auto& text : needs.texts[i]) builder.AddText(text.c_str(), text.c_str() + text.size());
    ranges_[i].clear();
    builder.BuildRanges(&ranges_[i]);
    auto& data = role_is_bold(role) ? bold_ : regular_;
    sizes_[i] = std::round(role_size(role, large_text) * scale);
    if (sizes_[i] > kLargestBuilderGlyphPx) {
      fonts_[i] = large_glyphs_.add(atlas, data, sizes_[i], ranges_[i].Data, error);
      if (!fonts_[i]) {
        atlas.Clear();
        fonts_.fill(nullptr);
        return false;
      }
      continue;
    }
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.PixelSnapH = true;
    config.OversampleH = config.OversampleV = 1;
    fonts_[i] =
        atlas.AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), sizes_[i], &config, ranges_[i].Data);
  }
  if (!atlas.Build()) {
    atlas.Clear();
    fonts_.fill(nullptr);
    error = "the bundle's font could not be read by FreeType";
    return false;
  }
  large_glyphs_.blit(atlas);
  unsigned char* pixels = nullptr;
  atlas.GetTexDataAsAlpha8(&pixels, &atlas_width_, &atlas_height_);
  atlas_bytes_ = static_cast<size_t>(atlas_width_) * static_cast<size_t>(atlas_height_);
  return true;
}

}  // namespace kiosk::ui
