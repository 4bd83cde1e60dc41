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
}

TEST_CASE("figure text: a figure worded without digits splits at its Chinese numerals") {
  auto e = split_figure("突破七万元");
  CHECK(e.prefix == "突破");
  CHECK(e.number == "七万");
  CHECK(e.suffix == "元");
  auto f = split_figure("超百亿元");
  CHECK(f.prefix == "超");
  CHECK(f.number == "百亿");
  CHECK(f.suffix == "元");
  auto g = split_figure("全市第一");  // the ordinal's 第 goes with its numeral
  CHECK(g.prefix == "全市");
  CHECK(g.number == "第一");
  CHECK(g.suffix == "");
  auto h = split_figure("近千场");
  CHECK(h.prefix == "近");
  CHECK(h.number == "千");
  auto i = split_figure("全覆盖");  // no numeral at all: shown whole
  CHECK(i.number == "");
  CHECK(i.suffix == "全覆盖");
  // ASCII digits come first: the 万 of 1660余万人次 stays in the unit.
  CHECK(split_figure("1660余万人次").number == "1660");
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
  for (const char* s :
       {"1660余万人次", "over 16.6 million visits", "12,345.", "突破七万元", "全市第一", "第", "十", "3.", ""}) {
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
