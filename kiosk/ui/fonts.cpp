#include "kiosk/ui/fonts.h"

#include <imgui_freetype.h>

#include <cmath>
#include <cstdio>
#include <set>

#include "kiosk/content/freetype_face.h"
#include "kiosk/text/marks.h"
#include "kiosk/text/utf8.h"

namespace kiosk::ui {
namespace {

// ImGui 1.86's FreeType builder (Debian 12) copies each glyph as RGBA into 256 KB scratch
// chunks without a bounds check, so one glyph over 65,536 pixels overflows the heap, and
// it assumes that a glyph which loads also renders, and that a font with a character in
// its ranges has a glyph that loads (else it asserts, aborting the kiosk). Fonts with
// outlines far outside the em, or broken glyphs, do this (found by fuzzing,
// docs/reliability.md). So every glyph the builder will rasterise is first rendered here
// the way it does it.
bool builder_can_rasterise(const std::vector<uint8_t>& bytes, float size_px, const ImWchar* ranges,
                           std::string& error) {
  content::FreeTypeFace ft;
  const bool opened = ft.open(bytes);
  bool ok = opened && ft.set_height(static_cast<FT_Long>(size_px) * 64);
  FT_Face face = ft.face;
  bool any_loads = false;
  for (const ImWchar* r = ranges; ok && r[0] && r[1]; r += 2) {
    for (unsigned cp = r[0]; ok && cp <= r[1]; ++cp) {
      FT_UInt index = FT_Get_Char_Index(face, cp);
      if (index == 0 || FT_Load_Glyph(face, index, FT_LOAD_NO_BITMAP | FT_LOAD_TARGET_LIGHT) != 0) continue;
      const FT_GlyphSlot slot = face->glyph;
      ok = slot->format == FT_GLYPH_FORMAT_OUTLINE && FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) == 0 &&
           slot->bitmap.pixel_mode == FT_PIXEL_MODE_GRAY &&
           static_cast<uint64_t>(slot->bitmap.width) * slot->bitmap.rows <= 65536;
      any_loads = true;
    }
  }
  ok = ok && any_loads;
  if (!opened)
    error = "the bundle's font could not be read by FreeType";
  else if (!ok)
    error = "the bundle's font has glyphs FreeType cannot rasterise at " + std::to_string(static_cast<int>(size_px)) +
            " px";
  return ok;
}

// Each of the font's full-width quotes again at its narrow code point (text::kLatinQuotes):
// the same pixels in the atlas, with the em box's empty side taken away.
void add_latin_quotes(ImFont* font) {
  bool added = false;
  for (const auto& q : text::kLatinQuotes) {
    const ImFontGlyph* wide = font->FindGlyphNoFallback(static_cast<ImWchar>(q.mark));
    if (!wide || !wide->Visible || font->FindGlyphNoFallback(static_cast<ImWchar>(q.narrow))) continue;
    const ImFontGlyph g = *wide;  // AddGlyph may move the glyph table
    const float bearing = std::round(font->FontSize * 0.06f);
    const float shift = g.X0 - bearing;
    font->AddGlyph(nullptr, static_cast<ImWchar>(q.narrow), g.X0 - shift, g.Y0, g.X1 - shift, g.Y1, g.U0, g.V0, g.U1,
                   g.V1, g.X1 - g.X0 + 2 * bearing);
    added = true;
  }
  if (added) font->BuildLookupTable();
}

}  // namespace

std::string describe(const MissingGlyph& missing) {
  static const char* names[] = {"figure", "figure unit", "title", "heading", "body", "caption", "label"};
  char cp[16];
  std::snprintf(cp, sizeof cp, "U+%04X", static_cast<unsigned>(missing.code_point));
  auto points = text::decode(missing.text);
  std::string shown;
  for (size_t i = 0; i < points.size() && i < 40; ++i) shown += text::encode(points[i]);
  if (points.size() > 40) shown += "...";
  return std::string(names[static_cast<size_t>(missing.role)]) + " " + std::to_string(static_cast<int>(missing.size)) +
         " px lacks " + cp + " " + text::encode(missing.code_point) + " (in \"" + text::escaped(shown) + "\")";
}

std::vector<MissingGlyph> missing_glyphs(const Fonts& fonts, const GlyphNeeds& needs) {
  std::vector<MissingGlyph> out;
  for (size_t i = 0; i < static_cast<size_t>(Role::Count); ++i) {
    const ImFont* font = fonts.get(static_cast<Role>(i));
    if (!font) continue;
    std::set<char32_t> named;
    for (const auto& t : needs.texts[i]) {
      size_t pos = 0;
      while (pos < t.size()) {
        char32_t c = text::decode_next(t, pos);
        if (c == '\n' || named.count(c)) continue;
        if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
          named.insert(c);
          out.push_back({static_cast<Role>(i), fonts.size(static_cast<Role>(i)), c, t});
        }
      }
    }
  }
  return out;
}

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
    if (!builder_can_rasterise(data, sizes_[i], ranges_[i].Data, error)) {
      atlas.Clear();
      fonts_.fill(nullptr);
      return false;
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
  // A font with none of its role's characters is never set up, and ImGui asserts when
  // such a font is drawn with.
  for (ImFont* font : fonts_) {
    if (!font || !font->IsLoaded()) {
      atlas.Clear();
      fonts_.fill(nullptr);
      error = "the bundle's font has none of the characters a text style needs";
      return false;
    }
  }
  for (ImFont* font : fonts_) add_latin_quotes(font);
  large_glyphs_.blit(atlas);
  // Baked: the inputs are not read again (a rebake starts from Clear()). ImGui 1.86 copies
  // the font file into every font it adds, owned or not: 1.9 MB for the report (heaptrack).
  atlas.ClearInputData();
  large_glyphs_ = {};
  regular_ = {};
  bold_ = {};
  unsigned char* pixels = nullptr;
  atlas.GetTexDataAsAlpha8(&pixels, &atlas_width_, &atlas_height_);
  atlas_bytes_ = static_cast<size_t>(atlas_width_) * static_cast<size_t>(atlas_height_);
  return true;
}

}  // namespace kiosk::ui
