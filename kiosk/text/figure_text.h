#pragma once
// A figure's display string split for its typography (large digits, smaller unit):
// "1660余万人次" -> "" + "1660" + "余万人次"; "over 16.6 million" -> "over " + "16.6" + " million".
// A figure the report words without digits is split at its Chinese numerals, so that it
// gets a figure's weight too: "突破七万元" -> "突破" + "七万" + "元", "全市第一" -> "全市" + "第一".

#include <string>
#include <string_view>

namespace kiosk::text {

struct FigureParts {
  std::string prefix;  // qualifier before the number (突破, over ...)
  std::string number;  // the first run of ASCII digits, '.' and ','; without any, of Chinese numerals
                       // (with an ordinal's 第); empty if there is neither
  std::string suffix;  // qualifier and unit after it
  // The suffix is set against the digits, with no gap: "5%", "1st" (an English ordinal is
  // part of its number), or a suffix that brings its own space (" million").
  bool suffix_joins = false;
};

FigureParts split_figure(std::string_view display);

// Ease-out cubic, the curve of a figure's reveal.
double ease_out_cubic(double t);
double ease_in_out_cubic(double t);

}  // namespace kiosk::text
