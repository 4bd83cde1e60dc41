#include "kiosk/authoring/font_subset.h"

#include <hb-subset.h>
#include <hb.h>

#include <memory>

#include "kiosk/text/utf8.h"

namespace kiosk::authoring {
namespace {

template <typename T, void (*Destroy)(T*)>
struct HbDeleter {
  void operator()(T* p) const { Destroy(p); }
};
using Blob = std::unique_ptr<hb_blob_t, HbDeleter<hb_blob_t, hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, HbDeleter<hb_face_t, hb_face_destroy>>;
using Input = std::unique_ptr<hb_subset_input_t, HbDeleter<hb_subset_input_t, hb_subset_input_destroy>>;

}  // namespace

FontSource default_font(const std::string& role) {
  std::string weight = role == "bold" ? "Bold" : "Regular";
  return {"/usr/share/fonts/opentype/noto/NotoSansCJK-" + weight + ".ttc", 2, "Noto Sans CJK SC"};
}

std::set<char32_t> base_characters() {
  std::set<char32_t> out;
  for (char32_t c = 0x20; c < 0x7F; ++c) out.insert(c);
  for (char32_t c : std::u32string(U"，。、；：？！（）「」『』《》“”‘’…—·×÷±°µ％＋－　")) out.insert(c);
  return out;
}

std::set<char32_t> characters_of(const std::vector<std::string>& texts) {
  std::set<char32_t> out = base_characters();
  for (const auto& t : texts)
    for (char32_t c : text::decode(t))
      if (c >= 0x20 && c != text::kReplacement) out.insert(c);
  return out;
}

std::vector<uint8_t> subset_font(const FontSource& source, const std::set<char32_t>& characters) {
  Blob blob(hb_blob_create_from_file_or_fail(source.file.c_str()));
  if (!blob) throw FontError(source.file.string() + ": cannot read the font file");
  if (source.face_index >= hb_face_count(blob.get()))
    throw FontError(source.file.string() + ": has no face " + std::to_string(source.face_index));
  Face face(hb_face_create(blob.get(), source.face_index));
  Input input(hb_subset_input_create_or_fail());
  if (!input) throw FontError("out of memory creating the font subset");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : characters) hb_set_add(unicodes, c);
  // The kiosk shapes nothing with layout features; dropping them and the hinting keeps the subset small.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  Face subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) throw FontError(source.file.string() + ": HarfBuzz could not subset the font");
  Blob out(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);
  if (length == 0) throw FontError(source.file.string() + ": the subset is empty");
  return {reinterpret_cast<const uint8_t*>(data), reinterpret_cast<const uint8_t*>(data) + length};
}

}  // namespace kiosk::authoring
