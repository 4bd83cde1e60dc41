// A baked atlas kept on disk between starts (Fonts::save and Fonts::load): the bake is most
// of a cold start's CPU, and a kiosk restarts on the same bundle and screen many times.
//
// Layout (native byte order; the key covers the executable, so only the build that wrote a
// file reads it): magic, key, atlas width and height, white-pixel and line UVs, then per
// role its size, metrics, special characters and glyphs, then the pixels, then a CRC-32 of
// all that came before.

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>

#include "kiosk/ui/fonts.h"

namespace kiosk::ui {
namespace {

// 2: the narrow quotes (text::kLatinQuotes) are part of every font.
constexpr char kMagic[8] = {'H', 'K', 'A', 'T', 'L', 'A', 'S', '2'};
constexpr uint32_t kLargestSide = 16384;      // ImGui's own limit for an atlas side
constexpr uint32_t kMostGlyphs = 0xFFFF - 1;  // BuildLookupTable's limit (-1 is reserved)
constexpr size_t kLines = IM_DRAWLIST_TEX_LINES_WIDTH_MAX + 1;
constexpr uintmax_t kLargestFile = 128 << 20;  // a 4K screen's atlas is ~10 MB

struct RoleHeader {
  float size, font_size, ascent, descent;
  uint32_t fallback_char, ellipsis_char, dot_char, glyphs;
};

class Writer {
 public:
  template <class T>
  void put(const T& value) {
    put_bytes(&value, sizeof value);
  }
  void put_bytes(const void* data, size_t n) {
    auto* p = static_cast<const char*>(data);
    bytes_.insert(bytes_.end(), p, p + n);
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <class T>
  bool get(T& value) {
    return get_bytes(&value, sizeof value);
  }
  bool get_bytes(void* out, size_t n) {
    if (n > bytes_.size() - at_) return false;
    std::memcpy(out, bytes_.data() + at_, n);
    at_ += n;
    return true;
  }
  size_t left() const { return bytes_.size() - at_; }

 private:
  const std::string& bytes_;
  size_t at_ = 0;
};

uint32_t crc_of(const char* data, size_t n) {
  return static_cast<uint32_t>(crc32(crc32(0, nullptr, 0), reinterpret_cast<const Bytef*>(data), static_cast<uInt>(n)));
}

bool in_unit(float v) {
  return std::isfinite(v) && v >= 0 && v <= 1;
}

// Pixel measures a bake can give: finite, and within an atlas side of zero.
bool plausible(std::initializer_list<float> values) {
  return std::all_of(values.begin(), values.end(),
                     [](float v) { return std::isfinite(v) && std::abs(v) <= static_cast<float>(kLargestSide); });
}

// What draw code relies on: code points ImGui can index, texture coordinates inside the atlas.
bool glyph_ok(const ImFontGlyph& g) {
  return g.Codepoint <= IM_UNICODE_CODEPOINT_MAX && plausible({g.AdvanceX, g.X0, g.Y0, g.X1, g.Y1}) && in_unit(g.U0) &&
         in_unit(g.V0) && in_unit(g.U1) && in_unit(g.V1);
}

}  // namespace

bool Fonts::save(const ImFontAtlas& atlas, const std::filesystem::path& file, const std::string& key) const {
  if (!atlas.TexPixelsAlpha8 || key.size() > 4096) return false;
  Writer w;
  w.put_bytes(kMagic, sizeof kMagic);
  w.put(static_cast<uint32_t>(key.size()));
  w.put_bytes(key.data(), key.size());
  w.put(static_cast<uint32_t>(atlas_width_));
  w.put(static_cast<uint32_t>(atlas_height_));
  w.put(atlas.TexUvWhitePixel);
  w.put_bytes(atlas.TexUvLines, sizeof(ImVec4) * kLines);
  for (size_t i = 0; i < fonts_.size(); ++i) {
    const ImFont& f = *fonts_[i];
    w.put(RoleHeader{sizes_[i], f.FontSize, f.Ascent, f.Descent, f.FallbackChar, f.EllipsisChar, f.DotChar,
                     static_cast<uint32_t>(f.Glyphs.Size)});
    w.put_bytes(f.Glyphs.Data, sizeof(ImFontGlyph) * static_cast<size_t>(f.Glyphs.Size));
  }
  w.put_bytes(atlas.TexPixelsAlpha8, atlas_bytes_);
  w.put(crc_of(w.bytes().data(), w.bytes().size()));

  // A reader sees the old file or the whole new one, never half of it. No fsync: a file
  // lost in a power cut is baked again.
  auto temp = file;
  temp += ".tmp" + std::to_string(::getpid());
  std::error_code ec;
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(w.bytes().data(), static_cast<std::streamsize>(w.bytes().size()));
    if (!out.flush()) {
      std::filesystem::remove(temp, ec);
      return false;
    }
  }
  std::filesystem::rename(temp, file, ec);
  if (!ec) return true;
  std::filesystem::remove(temp, ec);
  return false;
}

bool Fonts::load(ImFontAtlas& atlas, const std::filesystem::path& file, const std::string& key) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  std::ifstream in(file, std::ios::binary);
  if (ec || !in || size > kLargestFile) return false;
  std::string bytes(size, '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return false;
  uint32_t crc = 0;
  if (bytes.size() < sizeof kMagic + sizeof crc) return false;
  std::memcpy(&crc, bytes.data() + bytes.size() - sizeof crc, sizeof crc);
  if (crc != crc_of(bytes.data(), bytes.size() - sizeof crc)) return false;
  bytes.resize(bytes.size() - sizeof crc);

  Reader r(bytes);
  char magic[sizeof kMagic];
  uint32_t key_size = 0, width = 0, height = 0;
  if (!r.get(magic) || std::memcmp(magic, kMagic, sizeof kMagic) != 0 || !r.get(key_size) || key_size != key.size())
    return false;
  std::string stored_key(key_size, '\0');
  if (!r.get_bytes(stored_key.data(), key_size) || stored_key != key) return false;
  ImVec2 white;
  ImVec4 lines[kLines];
  if (!r.get(width) || !r.get(height) || width == 0 || height == 0 || width > kLargestSide || height > kLargestSide ||
      !r.get(white) || !in_unit(white.x) || !in_unit(white.y) || !r.get_bytes(lines, sizeof lines))
    return false;
  for (const auto& l : lines)
    if (!in_unit(l.x) || !in_unit(l.y) || !in_unit(l.z) || !in_unit(l.w)) return false;

  struct StoredRole {
    RoleHeader header;
    ImVector<ImFontGlyph> glyphs;
  };
  std::array<StoredRole, static_cast<size_t>(Role::Count)> roles;
  for (auto& role : roles) {
    auto& h = role.header;
    if (!r.get(h) || h.glyphs == 0 || h.glyphs > kMostGlyphs ||
        !plausible({h.size, h.font_size, h.ascent, h.descent}) || h.size <= 0 || h.font_size <= 0 ||
        h.fallback_char > IM_UNICODE_CODEPOINT_MAX || h.ellipsis_char > IM_UNICODE_CODEPOINT_MAX ||
        h.dot_char > IM_UNICODE_CODEPOINT_MAX || r.left() < sizeof(ImFontGlyph) * h.glyphs)
      return false;
    role.glyphs.resize(static_cast<int>(h.glyphs));
    r.get_bytes(role.glyphs.Data, sizeof(ImFontGlyph) * h.glyphs);
    if (!std::all_of(role.glyphs.begin(), role.glyphs.end(), glyph_ok)) return false;
  }
  const size_t pixels = static_cast<size_t>(width) * height;
  if (r.left() != pixels) return false;

  // Everything checked: the atlas is rebuilt as ImGui's builder leaves it.
  atlas.Clear();
  atlas.Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;
  atlas.TexPixelsAlpha8 = static_cast<unsigned char*>(IM_ALLOC(pixels));
  r.get_bytes(atlas.TexPixelsAlpha8, pixels);
  atlas.TexWidth = static_cast<int>(width);
  atlas.TexHeight = static_cast<int>(height);
  atlas.TexUvScale = ImVec2(1.0f / static_cast<float>(width), 1.0f / static_cast<float>(height));
  atlas.TexUvWhitePixel = white;
  std::copy(std::begin(lines), std::end(lines), atlas.TexUvLines);
  for (size_t i = 0; i < roles.size(); ++i) {
    const auto& h = roles[i].header;
    auto* font = IM_NEW(ImFont);
    atlas.Fonts.push_back(font);
    font->ContainerAtlas = &atlas;
    font->FontSize = h.font_size;
    font->Ascent = h.ascent;
    font->Descent = h.descent;
    font->FallbackChar = static_cast<ImWchar>(h.fallback_char);
    font->EllipsisChar = static_cast<ImWchar>(h.ellipsis_char);
    font->DotChar = static_cast<ImWchar>(h.dot_char);
    font->Glyphs.swap(roles[i].glyphs);
    font->BuildLookupTable();
    fonts_[i] = font;
    sizes_[i] = h.size;
  }
  atlas.TexReady = true;
  atlas_width_ = atlas.TexWidth;
  atlas_height_ = atlas.TexHeight;
  atlas_bytes_ = pixels;
  return true;
}

}  // namespace kiosk::ui
