// A PNG's image data may inflate to no more than its header gives room for: a zlib bomb
// (a small file that claims a small picture but inflates to a gigabyte) is refused before
// stb_image inflates it into memory, and a file exactly at its bound still decodes.
#include <doctest/doctest.h>

#include "bundle_fixture.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/content/png_inflate_bound.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/validate.h"
#include "png_maker.h"

using namespace kiosk::content;

namespace {

// The inflated data of a picture whose every row is filter 0 and zero pixels.
std::vector<uint8_t> rows(uint64_t size) {
  return std::vector<uint8_t>(size);
}

std::string hex(const std::vector<uint8_t>& bytes) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

const char* const kBeyond256 = "corrupt PNG: the image data inflates beyond the 256x256 its header gives";

}  // namespace

TEST_CASE("png bound: the inflated size follows the colour type, the bit depth and the Adam7 passes") {
  CHECK(png_inflated_size(256, 256, 8, 6, false) == 256 * (256 * 4 + 1));
  CHECK(png_inflated_size(3, 2, 1, 0, false) == 2 * 2);             // 3 bits round up to a byte
  CHECK(png_inflated_size(5, 1, 16, 2, false) == 1 * (5 * 6 + 1));  // 16-bit RGB
  CHECK(png_inflated_size(10, 1, 4, 3, false) == 1 * (5 + 1));      // 4-bit palette
  CHECK(png_inflated_size(7, 7, 8, 4, false) == 7 * (7 * 2 + 1));
  // A 1x1 interlaced image has pixels in the first pass only.
  CHECK(png_inflated_size(1, 1, 8, 6, true) == 1 * (4 + 1));
  // 8x8 RGB: passes of 1x1, 1x1, 2x1, 2x2, 4x2, 4x4 and 8x4 pixels.
  CHECK(png_inflated_size(8, 8, 8, 2, true) == 4 + 4 + 7 + 2 * 7 + 2 * 13 + 4 * 13 + 4 * 25);
  CHECK(png_inflated_size(4, 4, 8, 5, false) == 0);  // no such colour type: left to stb
  CHECK(png_inflated_size(4, 4, 3, 0, false) == 0);
}

TEST_CASE("png bound: a 256x256 PNG whose data inflates to 64 MB is refused before stb inflates it") {
  auto bomb = png_maker::png(256, 256, 8, 6, false, png_maker::zeros_stream(64 << 20));
  CHECK(bomb.size() < 100 * 1024);
  std::string reason;
  CHECK_FALSE(probe_image(bomb, reason));
  CHECK(reason == kBeyond256);
  reason.clear();
  CHECK_FALSE(decode_image(bomb, reason));
  CHECK(reason == kBeyond256);
}

TEST_CASE("png bound: one byte beyond the bound is refused, and exactly the bound decodes") {
  struct Case {
    uint32_t w, h;
    int depth, colour;
    bool interlaced;
  };
  for (Case c : {Case{256, 256, 8, 6, false}, Case{13, 7, 8, 2, true}, Case{1, 1, 8, 6, true}, Case{9, 3, 1, 0, true},
                 Case{5, 9, 16, 4, true}, Case{17, 17, 4, 3, true}, Case{2, 5, 8, 6, true}}) {
    CAPTURE(c.w);
    CAPTURE(c.h);
    CAPTURE(c.interlaced);
    uint64_t bound = png_inflated_size(c.w, c.h, c.depth, c.colour, c.interlaced);
    std::string size = std::to_string(c.w) + "x" + std::to_string(c.h);
    std::string reason;
    auto exact = png_maker::png(c.w, c.h, c.depth, c.colour, c.interlaced, png_maker::compressed(rows(bound)));
    auto decoded = decode_image(exact, reason);
    REQUIRE_MESSAGE(decoded, reason);
    CHECK(decoded->width == static_cast<int>(c.w));
    CHECK(decoded->height == static_cast<int>(c.h));
    // The same, in IDAT chunks of one byte each (the zlib header across two of them).
    auto split = png_maker::png(c.w, c.h, c.depth, c.colour, c.interlaced, png_maker::compressed(rows(bound)), 1);
    CHECK_MESSAGE(decode_image(split, reason), reason);

    auto over = png_maker::png(c.w, c.h, c.depth, c.colour, c.interlaced, png_maker::compressed(rows(bound + 1)));
    CHECK_FALSE(probe_image(over, reason));
    CHECK(reason == "corrupt PNG: the image data inflates beyond the " + size + " its header gives");
    auto under = png_maker::png(c.w, c.h, c.depth, c.colour, c.interlaced, png_maker::compressed(rows(bound - 1)));
    CHECK_FALSE(decode_image(under, reason));
    CHECK(reason == "corrupt PNG: the image data ends before the " + size + " its header gives");
  }
}

TEST_CASE("png bound: image data that is cut short or not deflate data is refused with a clear reason") {
  auto good = png_maker::compressed(rows(png_inflated_size(16, 16, 8, 2, false)));
  std::string reason;
  auto cut = good;
  cut.resize(cut.size() / 2);
  CHECK_FALSE(probe_image(png_maker::png(16, 16, 8, 2, false, cut), reason));
  CHECK(reason == "corrupt PNG: the image data is cut short");
  auto junk = good;
  junk[2] = 0xFF;  // the first block's type: 3, which deflate does not have
  CHECK_FALSE(probe_image(png_maker::png(16, 16, 8, 2, false, junk), reason));
  CHECK(reason.find("corrupt PNG: the image data is not a valid zlib stream") == 0);
  auto dictionary = good;
  dictionary[1] = 0xBB;  // FDICT set (0x78BB is a multiple of 31)
  CHECK_FALSE(probe_image(png_maker::png(16, 16, 8, 2, false, dictionary), reason));
  CHECK(reason == "corrupt PNG: the image data has a bad zlib header");
}

TEST_CASE("png bound: validate names the image whose data inflates beyond its header") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("zbomb.bundle");
  auto bomb = png_maker::png(256, 256, 8, 6, false, png_maker::zeros_stream(64 << 20));
  tamper(bundle, "INSERT INTO image VALUES ('pic', 'image/png', 256, 256, '" + sha256_hex(bomb) + "', x'" + hex(bomb) +
                     "', 'a', 'a', 'c', 'l');"
                     "UPDATE item SET image_id = 'pic' WHERE id = 'gdp-growth'");
  std::string all;
  for (const auto& p : validate_bundle(bundle)) all += p + "\n";
  CHECK(all.find(std::string("image 'pic': ") + kBeyond256) != std::string::npos);
}
