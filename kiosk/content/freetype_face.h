#pragma once
// One FreeType library and face over a font's bytes in memory, released together; for
// the checks validation and the ui layer do themselves, beside ImGui's builder.

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstdint>
#include <vector>

namespace kiosk::content {

struct FreeTypeFace {
  FT_Library library = nullptr;
  FT_Face face = nullptr;

  FreeTypeFace() = default;
  FreeTypeFace(const FreeTypeFace&) = delete;
  FreeTypeFace& operator=(const FreeTypeFace&) = delete;
  ~FreeTypeFace() {
    if (face) FT_Done_Face(face);
    if (library) FT_Done_FreeType(library);
  }

  // Opens `bytes`, which must outlive the face.
  bool open(const std::vector<uint8_t>& bytes) {
    return FT_Init_FreeType(&library) == 0 &&
           FT_New_Memory_Face(library, bytes.data(), static_cast<FT_Long>(bytes.size()), 0, &face) == 0;
  }
  // Sizes the face by the line's real height, as ImGui's FreeType builder sizes fonts;
  // `height_26_6` is in 1/64 pixels.
  bool set_height(FT_Long height_26_6) {
    FT_Size_RequestRec request{};
    request.type = FT_SIZE_REQUEST_TYPE_REAL_DIM;
    request.height = height_26_6;
    return FT_Request_Size(face, &request) == 0;
  }
};

}  // namespace kiosk::content
