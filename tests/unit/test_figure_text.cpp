#include <doctest/doctest.h>

#include "kiosk/text/figure_text.h"

using namespace kiosk::text;

TEST_CASE("figure text: a display string splits into qualifier, number and unit") {
  auto a = split_figure("1660余万人次");
  CHECK(a.prefix == "");
  CHECK(a.number == "1660");
  CHECK(a.suffix == "余万人次");
  auto b = split_figure("5%以上");
  CHECK(b.number == "5");
  CHECK(b.suffix == "%以上");
  auto c = split_figure("36.97微克/立方米");
  CHECK(c.number == "36.97");
  CHECK(c.suffix == "微克/立方米");
  auto d = split_figure("over 16.6 million visits");
  CHECK(d.prefix == "over ");
  CHECK(d.number == "16.6");
  CHECK(d.suffix == " million visits");
  auto e = split_figure("突破七万元");  // no digits: shown whole, at the unit's size
  CHECK(e.number == "");
  CHECK(e.suffix == "突破七万元");
}

TEST_CASE("figure text: an English ordinal and a % join the digits, a unit word keeps its gap") {
  auto rank = split_figure("1st in Tianjin");
  CHECK(rank.number == "1");
  CHECK(rank.suffix == "st in Tianjin");
  CHECK(rank.suffix_joins);
  for (const char* joined : {"2nd", "3rd", "4th place", "5%", "5%以上", "over 16.6 million"})
    CHECK_MESSAGE(split_figure(joined).suffix_joins, joined);
  for (const char* apart : {"1660余万人次", "248天", "32.7亿元"})
    CHECK_FALSE_MESSAGE(split_figure(apart).suffix_joins, apart);
}

TEST_CASE("figure text: the pieces together are the display string, verbatim") {
  for (const char* s : {"1660余万人次", "over 16.6 million visits", "12,345.", "突破七万元", "3.", ""}) {
    auto p = split_figure(s);
    CHECK(p.prefix + p.number + p.suffix == s);
  }
}

TEST_CASE("figure text: easing curves run from 0 to 1") {
  CHECK(ease_out_cubic(0) == 0);
  CHECK(ease_out_cubic(1) == 1);
  CHECK(ease_out_cubic(2) == 1);
  CHECK(ease_in_out_cubic(0.5) == doctest::Approx(0.5));
}
