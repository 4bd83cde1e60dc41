// Validation of every text column, image mime and font coverage (the hardening issue's
// points 7, 9 and 10): each bad input poked into a copy of the test bundle.

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "bundle_fixture.h"
#include "kiosk/authoring/png_encode.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/schema.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/shown_texts.h"
#include "kiosk/content/sqlite.h"
#include "kiosk/content/validate.h"
#include "kiosk/text/utf8.h"

using namespace kiosk::content;

namespace {

std::string hex(const std::vector<uint8_t>& bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

// A picture with an image row of the given mime, used by the first item.
void add_png(const std::filesystem::path& bundle, const std::string& mime) {
  std::vector<uint8_t> pixels(2 * 2 * 3, 200);
  auto png = kiosk::authoring::encode_png(pixels, 2, 2, 3);
  tamper(bundle, "INSERT INTO image VALUES ('pic', '" + mime + "', 2, 2, '" + sha256_hex(png) + "', x'" + hex(png) +
                     "', 'a', 'a', 'c', 'l');"
                     "UPDATE item SET image_id = 'pic' WHERE id = 'gdp-growth'");
}

// A TrueType font written from scratch: a box for every code point in `boxes`, an empty
// glyph for the space, and for `flat` (when not 0) a contour of zero area, as a damaged
// font may carry.
std::vector<uint8_t> box_font(const std::set<char32_t>& boxes, char32_t flat) {
  struct Out {
    std::vector<uint8_t> b;
    void u16(unsigned v) {
      b.push_back(static_cast<uint8_t>(v >> 8));
      b.push_back(static_cast<uint8_t>(v));
    }
    void u32(uint32_t v) {
      u16(v >> 16);
      u16(v & 0xFFFF);
    }
    void s16(int v) { u16(static_cast<unsigned>(v) & 0xFFFF); }
  };
  std::map<char32_t, unsigned> gid;  // glyph 0 is .notdef, 1 the space
  std::vector<int> kinds = {1, 0};   // 1 box, 0 empty, 2 flat
  gid[0x20] = 1;
  for (char32_t c : boxes)
    if (c != 0x20 && c <= 0xFFFF) {
      gid[c] = static_cast<unsigned>(kinds.size());
      kinds.push_back(1);
    }
  if (flat) {
    gid[flat] = static_cast<unsigned>(kinds.size());
    kinds.push_back(2);
  }
  const auto glyphs = static_cast<unsigned>(kinds.size());
  Out glyf, loca;
  for (int kind : kinds) {
    loca.u32(static_cast<uint32_t>(glyf.b.size()));
    if (kind == 0) continue;
    bool box = kind == 1;
    glyf.s16(1);  // one contour
    for (int v : box ? std::vector<int>{100, 0, 900, 700} : std::vector<int>{500, 350, 500, 350}) glyf.s16(v);
    glyf.u16(3);                                         // its last point
    glyf.u16(0);                                         // no instructions
    for (int i = 0; i < 4; ++i) glyf.b.push_back(0x01);  // on the curve, 16-bit deltas
    for (int dx : box ? std::vector<int>{100, 800, 0, -800} : std::vector<int>{500, 0, 0, 0}) glyf.s16(dx);
    for (int dy : box ? std::vector<int>{0, 0, 700, 0} : std::vector<int>{350, 0, 0, 0}) glyf.s16(dy);
    while (glyf.b.size() % 4) glyf.b.push_back(0);
  }
  loca.u32(static_cast<uint32_t>(glyf.b.size()));
  Out head;
  head.u32(0x00010000);
  head.u32(0x00010000);
  head.u32(0);
  head.u32(0x5F0F3CF5);
  head.u16(0x000B);
  head.u16(1000);
  for (int i = 0; i < 4; ++i) head.u32(0);  // created, modified
  for (int v : {0, 0, 1000, 800}) head.s16(v);
  head.u16(0);
  head.u16(8);
  head.s16(2);
  head.s16(1);  // long offsets in loca
  head.s16(0);
  Out hhea;
  hhea.u32(0x00010000);
  for (int v : {800, -200, 0}) hhea.s16(v);
  hhea.u16(1000);
  for (int v : {0, 0, 1000, 1, 0, 0, 0, 0, 0, 0, 0}) hhea.s16(v);
  hhea.u16(glyphs);
  Out maxp;
  maxp.u32(0x00010000);
  maxp.u16(glyphs);
  for (unsigned v : {8u, 1u, 0u, 0u, 2u, 0u, 0u, 0u, 0u, 0u, 0u, 0u, 0u}) maxp.u16(v);
  Out hmtx;
  for (unsigned g = 0; g < glyphs; ++g) {
    hmtx.u16(1000);
    hmtx.s16(100);
  }
  Out cmap;
  unsigned segments = static_cast<unsigned>(gid.size()) + 1;
  unsigned power = 1, log = 0;
  while (power * 2 <= segments) power *= 2, ++log;
  cmap.u16(0);
  cmap.u16(1);
  cmap.u16(3);
  cmap.u16(1);
  cmap.u32(12);
  cmap.u16(4);
  cmap.u16(16 + 8 * segments);
  cmap.u16(0);
  cmap.u16(segments * 2);
  cmap.u16(power * 2);
  cmap.u16(log);
  cmap.u16(segments * 2 - power * 2);
  for (const auto& [c, g] : gid) cmap.u16(static_cast<unsigned>(c));
  cmap.u16(0xFFFF);
  cmap.u16(0);
  for (const auto& [c, g] : gid) cmap.u16(static_cast<unsigned>(c));
  cmap.u16(0xFFFF);
  for (const auto& [c, g] : gid) cmap.u16((g - static_cast<unsigned>(c)) & 0xFFFF);
  cmap.u16(1);
  for (unsigned i = 0; i < segments; ++i) cmap.u16(0);
  std::vector<std::pair<const char*, const Out*>> tables = {{"cmap", &cmap}, {"glyf", &glyf}, {"head", &head},
                                                            {"hhea", &hhea}, {"hmtx", &hmtx}, {"loca", &loca},
                                                            {"maxp", &maxp}};
  Out font;
  font.u32(0x00010000);
  font.u16(static_cast<unsigned>(tables.size()));
  font.u16(64);  // 7 tables: searchRange 4*16, entrySelector 2, rangeShift 3*16
  font.u16(2);
  font.u16(48);
  uint32_t offset = static_cast<uint32_t>(12 + 16 * tables.size());
  for (const auto& [tag, table] : tables) {
    for (int i = 0; i < 4; ++i) font.b.push_back(static_cast<uint8_t>(tag[i]));
    font.u32(0);
    font.u32(offset);
    font.u32(static_cast<uint32_t>(table->b.size()));
    offset += static_cast<uint32_t>((table->b.size() + 3) / 4 * 4);
  }
  for (const auto& [tag, table] : tables) {
    font.b.insert(font.b.end(), table->b.begin(), table->b.end());
    while (font.b.size() % 4) font.b.push_back(0);
  }
  return font.b;
}

// Every character the bundle's regular font must draw.
std::set<char32_t> regular_characters(const std::filesystem::path& path) {
  auto bundle = Bundle::open(path);
  std::set<char32_t> out = {U'0', 0x2026};
  for_each_shown_text(bundle.database(), [&](Role role, std::string_view text, const TextPlace&) {
    if (!role_is_bold(role))
      for (char32_t c : kiosk::text::decode(text)) out.insert(c);
  });
  return out;
}

void replace_regular_font(const std::filesystem::path& bundle, const std::vector<uint8_t>& font) {
  tamper(bundle,
         "UPDATE font SET bytes = x'" + hex(font) + "', sha256 = '" + sha256_hex(font) + "' WHERE role = 'regular'");
}

}  // namespace

TEST_CASE("validate: every text column of the schema has its rule") {
  Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  db.exec(kSchemaSql);
  auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  int columns = 0;
  while (tables.step()) {
    auto c = db.prepare("SELECT name FROM pragma_table_info(?1) WHERE upper(type) = 'TEXT'");
    c.bind(1, tables.text(0));
    while (c.step()) {
      ++columns;
      INFO(tables.text(0) << "." << c.text(0));
      CHECK(text_rule(tables.text(0), c.text(0)) != nullptr);
    }
  }
  CHECK(columns > 50);
}

TEST_CASE("validate: invalid UTF-8 in any text column is named with its row and column") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("utf8-columns.bundle");
  add_png(bundle, "image/png");
  tamper(bundle,
         "UPDATE category SET accent = CAST(x'E592FF' AS TEXT) WHERE id = 'highlights';"
         "UPDATE category SET icon = CAST(x'C3' AS TEXT) WHERE id = 'culture';"
         "UPDATE image SET licence = CAST(x'FF' AS TEXT);"
         "UPDATE font SET family = CAST(x'C0AF' AS TEXT) WHERE role = 'bold';"
         "UPDATE bundle SET source_date = CAST(x'32FF' AS TEXT);"
         "UPDATE playlist SET time_from = CAST(x'ED' AS TEXT) WHERE ord = 1");
  auto problems = all(validate_bundle(bundle));
  CHECK(problems.find("category 'highlights' accent: not valid UTF-8 at byte 0") != std::string::npos);
  CHECK(problems.find("category 'culture' icon: not valid UTF-8 at byte 0") != std::string::npos);
  CHECK(problems.find("image 'pic' licence: not valid UTF-8 at byte 0") != std::string::npos);
  CHECK(problems.find("font 'bold' family: not valid UTF-8 at byte 0") != std::string::npos);
  CHECK(problems.find("bundle 'tiny-test' source_date: not valid UTF-8 at byte 1") != std::string::npos);
  CHECK(problems.find("playlist 'slide 1' time_from: not valid UTF-8 at byte 0") != std::string::npos);
}

TEST_CASE("validate: huge values in short columns are refused with their limit") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("huge.bundle");
  add_png(bundle, "image/png");
  tamper(bundle,
         "UPDATE category SET accent = printf('%.*c', 20971520, 'x') WHERE id = 'highlights';"
         "UPDATE image SET licence = printf('%.*c', 31457280, 'x');"
         "UPDATE bundle SET builder_version = printf('%.*c', 20971520, 'x');"
         "UPDATE playlist SET date_from = printf('%.*c', 20971520, 'x') WHERE ord = 2");
  auto problems = all(validate_bundle(bundle));
  CHECK(problems.find("category 'highlights' accent: 20971520 bytes; the limit is 16") != std::string::npos);
  CHECK(problems.find("image 'pic' licence: 31457280 bytes; the limit is 2048") != std::string::npos);
  CHECK(problems.find("bundle 'tiny-test' builder_version: 20971520 bytes; the limit is 64") != std::string::npos);
  CHECK(problems.find("playlist 'slide 2' date_from: 20971520 bytes; the limit is 10") != std::string::npos);
}

TEST_CASE("validate: a huge key is refused and its row named by number") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("hugekey.bundle");
  tamper(bundle, "UPDATE ui_string SET key = printf('%.*c', 1000000, 'k') WHERE key = 'back'");
  auto problems = all(validate_bundle(bundle));
  CHECK(problems.find(" key: 1000000 bytes; the limit is 64") != std::string::npos);
  CHECK(problems.find("ui_string row ") != std::string::npos);
}

TEST_CASE("validate: values not in their column's format are named") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("formats.bundle");
  tamper(bundle,
         "UPDATE category SET accent = 'red' WHERE id = 'highlights';"
         "UPDATE category SET icon = 'rocket' WHERE id = 'culture';"
         "UPDATE bundle SET source_date = '2025-13-01';"
         "UPDATE playlist SET date_to = '1.1.2026', time_from = '25:00', time_to = '9:30' WHERE ord = 1;"
         "UPDATE ui_string SET key = 'Back Key' WHERE key = 'back';"
         "UPDATE font SET sha256 = 'ABC' WHERE role = 'bold'");
  auto problems = all(validate_bundle(bundle));
  CHECK(problems.find("category 'highlights' accent: 'red' is not #RRGGBB") != std::string::npos);
  CHECK(problems.find("category 'culture' icon: 'rocket' is not an icon the kiosk draws (chart, building") !=
        std::string::npos);
  CHECK(problems.find("bundle 'tiny-test' source_date: '2025-13-01' is not a date YYYY-MM-DD") != std::string::npos);
  CHECK(problems.find("playlist 'slide 1' date_to: '1.1.2026' is not a date YYYY-MM-DD") != std::string::npos);
  CHECK(problems.find("playlist 'slide 1' time_from: '25:00' is not a time HH:MM") != std::string::npos);
  CHECK(problems.find("playlist 'slide 1' time_to: '9:30' is not a time HH:MM") != std::string::npos);
  CHECK(problems.find("ui_string 'Back Key' key: 'Back Key' is not a key of a-z, 0-9 and '_'") != std::string::npos);
  CHECK(problems.find("font 'bold' sha256: 'ABC' is not 64 lowercase hex digits") != std::string::npos);
}

TEST_CASE("validate: an id outside a-z, 0-9 and '-' is named") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("id.bundle");
  tamper(bundle, "UPDATE bundle SET id = 'Tiny Test'");
  CHECK(all(validate_bundle(bundle)).find("bundle 'Tiny Test' id: 'Tiny Test' is not an id of a-z, 0-9 and '-'") !=
        std::string::npos);
}

TEST_CASE("validate: a NUL or other control character in a text is named; body texts may break lines") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("nul.bundle");
  tamper(bundle,
         "UPDATE item SET title_en = 'GDP' || char(0) || 'growth', body_en = 'one' || char(10) || 'two' || char(9) "
         "|| 'three' WHERE id = 'gdp-growth';"
         "UPDATE item SET summary_zh = 'a' || char(7) WHERE id = 'haitang-visitors';"
         "UPDATE category SET title_en = 'a' || char(10) || 'b' WHERE id = 'culture'");
  auto problems = validate_bundle(bundle);
  auto text = all(problems);
  CHECK(text.find("item 'gdp-growth' title_en: the control character U+0000 at byte 3") != std::string::npos);
  CHECK(text.find("item 'haitang-visitors' summary_zh: the control character U+0007 at byte 1 (only line breaks "
                  "and tabs may be in this text)") != std::string::npos);
  CHECK(text.find("category 'culture' title_en: the control character U+000A at byte 1") != std::string::npos);
  CHECK(text.find("body_en") == std::string::npos);
  CHECK(problems.size() == 3);
}

TEST_CASE("validate: an image whose recorded mime is not its bytes' format is named") {
  ScratchDir dir;
  auto good = dir.copy_of_tiny("png.bundle");
  add_png(good, "image/png");
  CHECK(validate_bundle(good).empty());
  auto bundle = dir.copy_of_tiny("mime.bundle");
  add_png(bundle, "image/jpeg");
  CHECK(all(validate_bundle(bundle)) ==
        bundle.string() + ": image 'pic': recorded as image/jpeg, but its bytes are image/png\n");
}

TEST_CASE("validate: a character the fonts lack is named with its font, code point and a row using it") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("lacks.bundle");
  tamper(bundle, "UPDATE item SET title_zh = title_zh || '龘' WHERE id = 'gdp-growth'");
  auto problems = all(validate_bundle(bundle));
  CHECK(problems.find("font 'regular': cannot draw U+9F98 '龘' at 28 px: the font has no glyph for it; used by item "
                      "'gdp-growth' title_zh") != std::string::npos);
  CHECK(problems.find("font 'bold': cannot draw U+9F98 '龘' at 72 px: the font has no glyph for it; used by item "
                      "'gdp-growth' title_zh") != std::string::npos);
}

TEST_CASE("validate: a font with every character validates; one whose ideograph has no ink is damaged") {
  ScratchDir dir;
  auto good = dir.copy_of_tiny("boxes.bundle");
  auto characters = regular_characters(good);
  replace_regular_font(good, box_font(characters, 0));
  CHECK(all(validate_bundle(good)) == "");

  auto bundle = dir.copy_of_tiny("flat.bundle");
  // In the English summary, drawn in the body face, where the report's wording is not checked.
  tamper(bundle, "UPDATE item SET summary_en = summary_en || '丽' WHERE id = 'gdp-growth'");
  characters = regular_characters(bundle);
  characters.erase(U'丽');
  replace_regular_font(bundle, box_font(characters, U'丽'));
  auto problems = validate_bundle(bundle);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].find("font 'regular': cannot draw U+4E3D '丽' at 36 px: its glyph draws nothing (damaged); "
                         "used by item 'gdp-growth' summary_en") != std::string::npos);
}

TEST_CASE("validate: the kiosk's sizes are checked at both canvas scales and text sizes") {
  // The check rasterises each role at role_size(role, large) * scale for kCheckedScales;
  // the figure digits at 4K exceed what ImGui's builder takes and go the large-glyph way.
  CHECK(role_size(Role::Figure) * kCheckedScales.back() > kLargestBuilderGlyphPx);
  CHECK(role_size(Role::Body, true) > role_size(Role::Body, false));
}

TEST_CASE("shown texts: a figure's unit is baked in the caption face that the cards and home tiles draw it in") {
  // Cards and home tiles draw a figure's words in Role::Caption (ui FigureLook); without
  // them in its list, 'µg/m³' showed as '?g/m?' on the cards.
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("units.bundle");
  tamper(bundle, "UPDATE figure SET display_en = '36.97 µg/m³' WHERE rowid = (SELECT min(rowid) FROM figure)");
  std::set<char32_t> caption;
  for_each_shown_text(Bundle::open(bundle).database(), [&](Role role, std::string_view text, const TextPlace&) {
    if (role == Role::Caption)
      for (char32_t c : kiosk::text::decode(text)) caption.insert(c);
  });
  CHECK(caption.count(U'µ'));
  CHECK(caption.count(U'³'));
}
