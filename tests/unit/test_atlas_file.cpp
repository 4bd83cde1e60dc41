// The baked atlas kept between starts (ui::Fonts::save and load): what comes back is what
// was baked, and a file that is damaged, cut short, written under another key or holding
// values no bake produces is refused, leaving the atlas untouched.

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>

#include "kiosk/content/bundle.h"
#include "kiosk/text/marks.h"
#include "kiosk/ui/atlas_cache.h"
#include "kiosk/ui/fonts.h"
#include "tests/unit/bundle_fixture.h"

namespace {

using kiosk::ui::Role;

constexpr size_t kRoles = static_cast<size_t>(Role::Count);

struct Baked {
  ImFontAtlas atlas;
  kiosk::ui::Fonts fonts;
};

void bake(Baked& b, float scale = 1) {
  auto bundle = kiosk::content::Bundle::open(KIOSK_TINY_BUNDLE);
  kiosk::ui::GlyphNeeds needs;
  for (size_t i = 0; i < kRoles; ++i) needs.add(static_cast<Role>(i), "0123456789.,% 亿元万人次 Heping 和平区 “”‘’");
  std::string error;
  REQUIRE(b.fonts.build(b.atlas, *bundle.font("regular"), *bundle.font("bold"), needs, scale, false, error));
}

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Loading into a fresh atlas must fail and leave it empty.
void refused(const std::filesystem::path& file, const std::string& key) {
  ImFontAtlas atlas;
  kiosk::ui::Fonts fonts;
  CHECK_FALSE(fonts.load(atlas, file, key));
  CHECK(atlas.Fonts.Size == 0);
  CHECK(atlas.TexPixelsAlpha8 == nullptr);
  CHECK(fonts.get(Role::Body) == nullptr);
}

// The tiny bundle's fonts baked and saved under "key".
struct Saved {
  ScratchDir dir;
  Baked baked;
  std::filesystem::path file = dir.path / "atlas.bin";
  Saved() {
    bake(baked);
    REQUIRE(baked.fonts.save(baked.atlas, file, "key"));
  }
};

}  // namespace

TEST_CASE_FIXTURE(Saved, "a saved atlas loads back as it was baked") {
  ImFontAtlas atlas;
  kiosk::ui::Fonts fonts;
  REQUIRE(fonts.load(atlas, file, "key"));
  CHECK(atlas.IsBuilt());
  CHECK(fonts.atlas_width() == baked.fonts.atlas_width());
  CHECK(fonts.atlas_height() == baked.fonts.atlas_height());
  CHECK(fonts.atlas_bytes() == baked.fonts.atlas_bytes());
  CHECK(std::memcmp(atlas.TexPixelsAlpha8, baked.atlas.TexPixelsAlpha8, fonts.atlas_bytes()) == 0);
  CHECK(atlas.TexUvWhitePixel.x == baked.atlas.TexUvWhitePixel.x);
  CHECK(atlas.TexUvLines[7].z == baked.atlas.TexUvLines[7].z);
  for (size_t i = 0; i < kRoles; ++i) {
    auto role = static_cast<Role>(i);
    const ImFont& a = *fonts.get(role);
    const ImFont& b = *baked.fonts.get(role);
    CAPTURE(i);
    CHECK(fonts.size(role) == baked.fonts.size(role));
    CHECK(a.FontSize == b.FontSize);
    CHECK(a.Ascent == b.Ascent);
    CHECK(a.Descent == b.Descent);
    CHECK(a.Glyphs.Size == b.Glyphs.Size);
    CHECK(a.IsLoaded());
    for (ImWchar c : {ImWchar('0'), ImWchar(0x4EBF), ImWchar('H')}) {
      const ImFontGlyph* ga = a.FindGlyphNoFallback(c);
      const ImFontGlyph* gb = b.FindGlyphNoFallback(c);
      REQUIRE((ga != nullptr) == (gb != nullptr));
      if (ga) CHECK(std::memcmp(ga, gb, sizeof *ga) == 0);
    }
    CHECK(a.CalcTextSizeA(a.FontSize, 1e9f, 0, "和平区 5%").x == b.CalcTextSizeA(b.FontSize, 1e9f, 0, "和平区 5%").x);
  }
}

TEST_CASE("a bake draws English quotes narrow: the full-width glyph's pixels without its empty half") {
  Baked b;
  bake(b);
  for (size_t i = 0; i < kRoles; ++i) {
    const ImFont& font = *b.fonts.get(static_cast<Role>(i));
    CAPTURE(i);
    for (const auto& q : kiosk::text::kLatinQuotes) {
      const ImFontGlyph* wide = font.FindGlyphNoFallback(static_cast<ImWchar>(q.mark));
      const ImFontGlyph* narrow = font.FindGlyphNoFallback(static_cast<ImWchar>(q.narrow));
      REQUIRE(wide != nullptr);
      REQUIRE(narrow != nullptr);
      CHECK(narrow->AdvanceX < 0.65f * wide->AdvanceX);
      CHECK(narrow->U0 == wide->U0);
      CHECK(narrow->X1 - narrow->X0 == doctest::Approx(wide->X1 - wide->X0));
      CHECK(narrow->X0 >= 0);
      CHECK(narrow->X1 <= narrow->AdvanceX);
    }
  }
}

TEST_CASE_FIXTURE(Saved, "an atlas file that is damaged or not this bake's is refused") {
  const std::string bytes = read(file);

  SUBCASE("missing") {
    refused(dir.path / "none.bin", "key");
  }
  SUBCASE("another key") {
    refused(file, "other");
    refused(file, "ke");
  }
  SUBCASE("cut short anywhere") {
    for (size_t size : {size_t{0}, size_t{5}, size_t{12}, size_t{100}, size_t{1000}, bytes.size() / 2, bytes.size() - 5,
                        bytes.size() - 1}) {
      CAPTURE(size);
      dir.write("cut.bin", bytes.substr(0, size));
      refused(dir.path / "cut.bin", "key");
    }
  }
  SUBCASE("one byte changed anywhere") {
    for (size_t at = 0; at < bytes.size(); at += bytes.size() / 97 + 1) {
      CAPTURE(at);
      std::string changed = bytes;
      changed[at] = static_cast<char>(changed[at] ^ 0x5A);
      dir.write("changed.bin", changed);
      refused(dir.path / "changed.bin", "key");
    }
  }
  SUBCASE("a longer file") {
    dir.write("long.bin", bytes + "x");
    refused(dir.path / "long.bin", "key");
  }
}

// Values no bake produces, in a file whose checksum is right: texture coordinates outside
// the atlas, measures that are not numbers or lie far outside any atlas.
TEST_CASE("an atlas file with impossible glyphs is refused") {
  ScratchDir dir;
  Baked baked;
  bake(baked);
  auto& glyph = baked.fonts.get(Role::Body)->Glyphs[0];
  auto file = dir.path / "atlas.bin";

  SUBCASE("outside the atlas") {
    glyph.U1 = 2;
  }
  SUBCASE("negative") {
    glyph.V0 = -0.5f;
  }
  SUBCASE("not a number") {
    glyph.AdvanceX = std::numeric_limits<float>::quiet_NaN();
  }
  SUBCASE("infinite") {
    glyph.Y1 = std::numeric_limits<float>::infinity();
  }
  SUBCASE("absurdly far") {
    glyph.X0 = 1e30f;
  }
  SUBCASE("an absurd font size") {
    baked.fonts.get(Role::Title)->FontSize = 1e9f;
  }
  REQUIRE(baked.fonts.save(baked.atlas, file, "key"));
  refused(file, "key");
}

TEST_CASE("saving into a directory that is not there fails and leaves nothing") {
  ScratchDir dir;
  Baked baked;
  bake(baked);
  CHECK_FALSE(baked.fonts.save(baked.atlas, dir.path / "none" / "atlas.bin", "key"));
  CHECK_FALSE(std::filesystem::exists(dir.path / "none"));
}

TEST_CASE("saving where the file cannot be replaced fails and leaves no temporary file") {
  ScratchDir dir;
  Baked baked;
  bake(baked);
  std::filesystem::create_directories(dir.path / "atlas.bin" / "in-the-way");
  CHECK_FALSE(baked.fonts.save(baked.atlas, dir.path / "atlas.bin", "key"));
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("atlas keys: each input the bake reads gives another file") {
  auto bundle = kiosk::content::Bundle::open(KIOSK_TINY_BUNDLE);
  auto key = kiosk::ui::atlas_key(bundle, "r", "b", 1, false);
  CHECK(key == kiosk::ui::atlas_key(bundle, "r", "b", 1, false));
  CHECK(key != kiosk::ui::atlas_key(bundle, "r2", "b", 1, false));
  CHECK(key != kiosk::ui::atlas_key(bundle, "r", "b2", 1, false));
  CHECK(key != kiosk::ui::atlas_key(bundle, "r", "b", 1.0001f, false));
  CHECK(key != kiosk::ui::atlas_key(bundle, "r", "b", 1, true));
  CHECK(key.find(bundle.info().id) != std::string::npos);
  auto file = kiosk::ui::atlas_file("/cache", key);
  CHECK(file.parent_path() == "/cache");
  CHECK(file != kiosk::ui::atlas_file("/cache", key + "x"));
}

TEST_CASE("pruning keeps the newest atlases, drops old unfinished writes and touches nothing else") {
  ScratchDir dir;
  auto now = std::filesystem::file_time_type::clock::now();
  for (int i = 0; i < 5; ++i) {
    auto file = dir.write("atlas-" + std::to_string(i) + ".bin", "x");
    std::filesystem::last_write_time(file, now - std::chrono::hours(10 - i));
  }
  auto unfinished = dir.write("atlas-5.bin.tmp123", "x");
  std::filesystem::last_write_time(unfinished, now - std::chrono::hours(20));
  dir.write("other.bin", "x");
  kiosk::ui::prune_atlases(dir.path, 2);
  CHECK_FALSE(std::filesystem::exists(dir.path / "atlas-0.bin"));
  CHECK_FALSE(std::filesystem::exists(dir.path / "atlas-2.bin"));
  CHECK(std::filesystem::exists(dir.path / "atlas-3.bin"));
  CHECK(std::filesystem::exists(dir.path / "atlas-4.bin"));
  CHECK_FALSE(std::filesystem::exists(unfinished));
  CHECK(std::filesystem::exists(dir.path / "other.bin"));
}
