#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "bundle_fixture.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/validate.h"

using namespace kiosk::content;

namespace {

bool has(const std::vector<std::string>& problems, const std::string& text) {
  return all(problems).find(text) != std::string::npos;
}

// A PNG whose header claims 60000x60000 pixels: a decompression bomb.
std::string png_bomb_hex() {
  return "89504E470D0A1A0A"           // signature
         "0000000D49484452"           // IHDR, 13 bytes
         "0000EA600000EA60"           // 60000 x 60000
         "0806000000"                 // 8-bit RGBA
         "00000000"                   // CRC (stb does not check it)
         "0000000049454E44AE426082";  // IEND
}

void add_image(const std::filesystem::path& bundle, const std::string& hex_bytes, int w, int h) {
  tamper(bundle, "INSERT INTO image VALUES ('pic', 'image/png', " + std::to_string(w) + ", " + std::to_string(h) +
                     ", '0', x'" + hex_bytes +
                     "', 'a', 'a', 'c', 'l');"
                     "UPDATE item SET image_id = 'pic' WHERE id = 'gdp-growth'");
}

std::vector<uint8_t> from_hex(const std::string& hex) {
  std::vector<uint8_t> out;
  for (size_t i = 0; i < hex.size(); i += 2)
    out.push_back(static_cast<uint8_t>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  return out;
}

std::string sha256_of_hex(const std::string& hex) {
  return sha256_hex(from_hex(hex));
}

}  // namespace

TEST_CASE("validate: the test bundle is good") {
  CHECK(validate_bundle(KIOSK_TINY_BUNDLE).empty());
}

TEST_CASE("validate: files the cheap open refuses are refused with the same message") {
  ScratchDir dir;
  auto empty = dir.write("empty.bundle", "");
  auto problems = validate_bundle(empty);
  REQUIRE(problems.size() == 1);
  CHECK(has(problems, "not a content bundle"));
  auto trigger = dir.copy_of_tiny("trigger.bundle");
  tamper(trigger, "CREATE TRIGGER t AFTER INSERT ON item BEGIN SELECT 1; END");
  CHECK(has(validate_bundle(trigger), "unexpected schema object: trigger t"));
}

// The attacker review wrote bundles with PRAGMA ignore_check_constraints: validate said ok,
// since a read-only connection's integrity_check skips CHECK constraints, and some values
// (a text version, an infinite dwell) pass the constraints anyway.
TEST_CASE("validate: values that break the schema's constraints or types are named, however they were written") {
  ScratchDir dir;
  struct Case {
    const char* sql;
    const char* expected;
  };
  const Case cases[] = {
      {"UPDATE item SET kind = 'alien'", "integrity: CHECK constraint failed in item"},
      {"UPDATE bundle SET version = -1", "integrity: CHECK constraint failed in bundle"},
      {"UPDATE playlist SET dwell_s = -5", "integrity: CHECK constraint failed in playlist"},
      {"UPDATE bundle SET version = 'abc'", "bundle row 1: version holds a text; it must be a whole number"},
      {"UPDATE playlist SET dwell_s = 9e999", "dwell_s holds a real that is not finite; it must be a finite number"},
      {"UPDATE figure SET value = -9e999", "value holds a real that is not finite"},
      {"UPDATE playlist SET dwell_s = x'00'", "dwell_s holds a blob; it must be a finite number"},
  };
  int n = 0;
  for (const auto& c : cases) {
    auto path = dir.copy_of_tiny("constraint" + std::to_string(n++) + ".bundle");
    tamper(path, std::string("PRAGMA ignore_check_constraints = 1; ") + c.sql);
    auto problems = validate_bundle(path);
    CHECK_MESSAGE(has(problems, c.expected), c.sql << ": " << all(problems));
  }
}

TEST_CASE("validate: an image that is not an image is named") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("notimage.bundle");
  add_image(bundle, "3C73766720786D6C6E733D22", 10, 10);  // "<svg xmlns=\""
  tamper(bundle, "UPDATE image SET sha256 = '" + sha256_of_hex("3C73766720786D6C6E733D22") + "'");
  CHECK(has(validate_bundle(bundle), "image 'pic': not a PNG or JPEG image"));
}

TEST_CASE("validate: an image bomb is refused from its header, with the limit named") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("bomb.bundle");
  add_image(bundle, png_bomb_hex(), 60000, 60000);
  tamper(bundle, "UPDATE image SET sha256 = '" + sha256_of_hex(png_bomb_hex()) + "'");
  auto problems = validate_bundle(bundle);
  CHECK(has(problems, "image 'pic': image is 60000x60000, beyond the limit of 4096x4096"));
}

TEST_CASE("validate: the image decoder refuses a bomb before allocating") {
  auto bomb = from_hex(png_bomb_hex());
  std::string reason;
  CHECK_FALSE(probe_image(bomb, reason).has_value());
  CHECK(reason.find("beyond the limit") != std::string::npos);
  CHECK_FALSE(decode_image(bomb, reason).has_value());
}

TEST_CASE("validate: a PNG chunk longer than the file is refused before the decoder allocates for it") {
  // stb_image would grow its buffer to the declared 2 GB before finding the data missing.
  auto lying = from_hex(
      "89504E470D0A1A0A"
      "0000000D49484452"
      "0000001000000010"
      "0806000000"
      "00000000"
      "7FFFFFF049444154"  // IDAT, claiming 2 GB
      "789C030000000001");
  std::string reason;
  CHECK_FALSE(probe_image(lying, reason).has_value());
  CHECK(reason == "corrupt PNG: a chunk runs past the end of the file");
  CHECK_FALSE(decode_image(lying, reason).has_value());
}

TEST_CASE("validate: text that is not valid UTF-8 is named with its row and column") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("utf8.bundle");
  tamper(bundle, "UPDATE item SET title_zh = CAST(x'E592FF' AS TEXT) WHERE id = 'gdp-growth'");
  CHECK(has(validate_bundle(bundle), "item 'gdp-growth' title_zh: not valid UTF-8 at byte 0"));
}

TEST_CASE("validate: a missing font and a corrupt font are refused") {
  ScratchDir dir;
  auto missing = dir.copy_of_tiny("nofont.bundle");
  tamper(missing, "DELETE FROM font WHERE role = 'bold'");
  CHECK(has(validate_bundle(missing), "font 'bold': missing"));
  auto corrupt = dir.copy_of_tiny("badfont.bundle");
  tamper(corrupt, "UPDATE font SET bytes = randomblob(5000) WHERE role = 'regular'");
  CHECK(has(validate_bundle(corrupt), "font 'regular': its bytes do not match their recorded sha256 (damaged)"));
  auto consistent = dir.copy_of_tiny("junkfont.bundle");  // junk whose checksum was updated to match
  tamper(consistent,
         "UPDATE font SET bytes = zeroblob(5000), "
         "sha256 = '7ca5bd879f393d9dd05b14f38add9c0fc6b67928f7f2d261b2e47a32ee8219e3' WHERE role = 'regular'");
  CHECK(has(validate_bundle(consistent), "font 'regular': FreeType cannot read the font"));
}

TEST_CASE("validate: dangling references and missing interface texts are named") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("dangling.bundle");
  tamper(bundle,
         "INSERT INTO playlist VALUES (99, 'ghost', 8, 'crossfade', NULL, NULL, NULL, NULL);"
         "DELETE FROM ui_string WHERE key = 'touch_cue';"
         "DELETE FROM figure WHERE item_id = 'gdp-growth'");
  auto problems = validate_bundle(bundle);
  CHECK(has(problems, "playlist 'slide 99' refers to 'ghost', which does not exist"));
  CHECK(has(problems, "ui string 'touch_cue': missing"));
  CHECK(has(problems, "item 'gdp-growth' is a figure without its figure row"));
}

TEST_CASE("validate: texts and counts beyond the limits are refused with the limit named") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("long.bundle");
  tamper(bundle, "UPDATE item SET body_en = printf('%.*c', 70000, 'x') WHERE id = 'gdp-growth'");
  CHECK(has(validate_bundle(bundle), "item 'gdp-growth' body_en: 70000 bytes; the limit is 65536"));
  BundleLimits tight;
  tight.max_items = 2;
  CHECK(has(validate_bundle(KIOSK_TINY_BUNDLE, tight), "has 3 items; the limit is 2"));
}

TEST_CASE("validate: damage inside a blob, which SQLite cannot see, is caught by the checksums") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("corrupt.bundle");
  {
    std::fstream f(bundle, std::ios::in | std::ios::out | std::ios::binary);
    auto size = static_cast<long>(std::filesystem::file_size(bundle));
    f.seekp(size / 2);  // the middle of the file is font bytes, which no b-tree check reads
    std::string junk(200, '\x5A');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  CHECK_FALSE(validate_bundle(bundle).empty());
}
