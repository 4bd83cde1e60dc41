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
  auto e = split_figure("突破七万元");  // no digits: shown whole, no count-up
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

TEST_CASE("figure text: the count-up never overshoots and ends on the report's digits") {
  CHECK(count_up_number("1660", 0) == "0");
  CHECK(count_up_number("36.97", 0.5) == "18.48");
  CHECK(count_up_number("36.97", 0.99999) == "36.96");
  CHECK(count_up_number("36.97", 1) == "36.97");
  CHECK(count_up_number("12,345", 0.5) == "6,172");
  CHECK(count_up_number("12,345", 1) == "12,345");
  for (double p = 0; p < 1; p += 0.01) CHECK(std::stod(count_up_number("22.5", p)) <= 22.5);
}

TEST_CASE("figure text: easing curves run from 0 to 1") {
  CHECK(ease_out_cubic(0) == 0);
  CHECK(ease_out_cubic(1) == 1);
  CHECK(ease_out_cubic(2) == 1);
  CHECK(ease_in_out_cubic(0.5) == doctest::Approx(0.5));
}
