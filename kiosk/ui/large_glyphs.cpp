#include "kiosk/ui/large_glyphs.h"

#include <cmath>
#include <cstring>

#include "kiosk/content/freetype_face.h"

namespace kiosk::ui {

ImFont* LargeGlyphs::add(ImFontAtlas& atlas, const std::vector<uint8_t>& bytes, float size_px, const ImWchar* ranges,
                         std::string& error) {
  content::FreeTypeFace ft;
  // Sized as ImGui's FreeType builder sizes fonts (the line's real height, not the em),
  // so that a role looks the same whichever path rasterised it.
  if (!ft.open(bytes) || !ft.set_height(static_cast<FT_Long>(std::lround(size_px * 64)))) {
    error = "the bundle's font could not be read by FreeType";
    return nullptr;
  }
  // ImGui sets up a font only if it has a character in its ranges, and asserts (aborting
  // the kiosk) on custom glyphs of a font it did not set up, or on a font none of whose
  // glyphs loads (found by fuzzing).
  FT_UInt space_glyph = FT_Get_Char_Index(ft.face, 0x20);
  if (space_glyph == 0 || FT_Load_Glyph(ft.face, space_glyph, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT) != 0) {
    error = "the bundle's font has no usable space character";
    return nullptr;
  }
  // The font itself carries only the space; its metrics give the line's ascent.
  static const ImWchar space[] = {0x20, 0x20, 0};
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;
  ImFont* font = atlas.AddFontFromMemoryTTF(const_cast<uint8_t*>(bytes.data()), static_cast<int>(bytes.size()), size_px,
                                            &config, space);
  float ascent = std::ceil(static_cast<float>(ft.face->size->metrics.ascender) / 64.0f);
  for (const ImWchar* r = ranges; r[0] && r[1]; r += 2) {
    for (unsigned cp = r[0]; cp <= r[1]; ++cp) {
      if (cp == 0x20 || FT_Get_Char_Index(ft.face, cp) == 0) continue;
      if (FT_Load_Char(ft.face, cp, FT_LOAD_RENDER | FT_LOAD_TARGET_LIGHT) != 0) continue;
      const FT_GlyphSlot slot = ft.face->glyph;
      const FT_Bitmap& bitmap = slot->bitmap;
      if (bitmap.pixel_mode != FT_PIXEL_MODE_GRAY) continue;
      // A real glyph fits in about 1.5 em; a malformed outline can ask for a bitmap bigger
      // than the atlas (which cannot then place it) or than memory.
      if (bitmap.width > 4 * size_px || bitmap.rows > 4 * size_px) {
        error = "the bundle's font has a glyph far larger than its size";
        return nullptr;
      }
      Glyph glyph{0, static_cast<int>(bitmap.width), static_cast<int>(bitmap.rows), {}};
      glyph.pixels.resize(static_cast<size_t>(glyph.width) * static_cast<size_t>(glyph.height));
      for (int y = 0; glyph.width > 0 && y < glyph.height; ++y)  // a zero-width glyph has rows but no pixels
        std::memcpy(&glyph.pixels[static_cast<size_t>(y * glyph.width)], bitmap.buffer + y * bitmap.pitch,
                    static_cast<size_t>(glyph.width));
      float advance = static_cast<float>(slot->advance.x) / 64.0f;
      ImVec2 offset(static_cast<float>(slot->bitmap_left), ascent - static_cast<float>(slot->bitmap_top));
      glyph.rect_id = atlas.AddCustomRectFontGlyph(font, static_cast<ImWchar>(cp), std::max(glyph.width, 1),
                                                   std::max(glyph.height, 1), advance, offset);
      glyphs_.push_back(std::move(glyph));
    }
  }
  return font;
}

void LargeGlyphs::blit(ImFontAtlas& atlas) const {
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
  for (const auto& glyph : glyphs_) {
    const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(glyph.rect_id);
    if (!rect->IsPacked()) continue;  // the atlas had no room: the glyph is left out, not written past
    for (int y = 0; glyph.width > 0 && y < glyph.height; ++y)
      std::memcpy(pixels + static_cast<size_t>(rect->Y + y) * static_cast<size_t>(width) + rect->X,
                  &glyph.pixels[static_cast<size_t>(y * glyph.width)], static_cast<size_t>(glyph.width));
  }
}

}  // namespace kiosk::ui
