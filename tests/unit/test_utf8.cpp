#include <doctest/doctest.h>

#include "kiosk/text/utf8.h"

using namespace kiosk::text;

TEST_CASE("utf8: valid text decodes to its code points") {
  auto cps = decode("和平 A。");
  REQUIRE(cps.size() == 5);
  CHECK(cps[0] == U'和');
  CHECK(cps[2] == U' ');
  CHECK(cps[4] == U'。');
  CHECK_FALSE(find_invalid("和平区2025年").has_value());
  CHECK_FALSE(find_invalid("\xEF\xBF\xBD").has_value());  // a real U+FFFD is valid
}

TEST_CASE("utf8: invalid sequences are found and decode as U+FFFD") {
  CHECK(find_invalid("ab\xFF") == 2u);
  CHECK(find_invalid("\xC0\xAF") == 0u);          // overlong '/'
  CHECK(find_invalid("\xED\xA0\x80") == 0u);      // a surrogate
  CHECK(find_invalid("\xF4\x90\x80\x80") == 0u);  // past U+10FFFF
  CHECK(find_invalid("\xE5\x92") == 0u);          // truncated
  auto cps = decode("a\xE5\x92");
  CHECK(cps.size() == 3);
  CHECK(cps[1] == kReplacement);
}

TEST_CASE("utf8: encode round-trips") {
  for (char32_t c : {U'a', U'é', U'和', U'😀'}) CHECK(decode(encode(c)) == std::vector<char32_t>{c});
  CHECK(encode(0xD800) == "\xEF\xBF\xBD");
}

TEST_CASE("utf8: escaped text cannot forge a line, a terminal sequence or another name") {
  using kiosk::text::escaped;
  CHECK(escaped("plain 和平区.bundle") == "plain 和平区.bundle");
  CHECK(escaped("a\nb\r\tc") == "a\\nb\\r\\tc");
  CHECK(escaped("\x1b[31mred") == "\\x1b[31mred");
  CHECK(escaped(std::string("nul\0x", 5)) == "nul\\x00x");
  CHECK(escaped("bad\xff byte") == "bad\\xff byte");
  CHECK(escaped("back\\slash") == "back\\\\slash");
  CHECK(escaped("evil\u202Egnp.bundle") == "evil\\u{202e}gnp.bundle");
  CHECK(escaped("line\u2028sep") == "line\\u{2028}sep");
  CHECK(escaped("\xc2\x85") == "\\u{85}");
  CHECK(escaped("del\x7f") == "del\\x7f");
}
