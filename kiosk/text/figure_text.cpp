#include "kiosk/text/figure_text.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk::text {
namespace {

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '.' || c == ',';
}

bool is_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// "st" of "1st in Tianjin": an English ordinal ending, as a word of its own would not be.
bool starts_with_ordinal(std::string_view suffix) {
  for (std::string_view ending : {"st", "nd", "rd", "th"})
    if (suffix.substr(0, 2) == ending && (suffix.size() == 2 || !is_letter(suffix[2]))) return true;
  return false;
}

bool joins(std::string_view suffix) {
  return !suffix.empty() && (suffix[0] == '%' || suffix[0] == ' ' || suffix[0] == '.' || starts_with_ordinal(suffix));
}

// The first run of Chinese numerals (七万, 百亿, 第一), as byte offsets; {npos, npos} if none.
std::pair<size_t, size_t> chinese_numerals(std::string_view display) {
  static constexpr std::string_view kNumerals[] = {"零", "一", "二", "两", "三", "四", "五", "六",
                                                   "七", "八", "九", "十", "百", "千", "万", "亿"};
  auto numeral_at = [&](size_t i) -> size_t {  // its length in bytes, 0 if none starts at i
    for (auto n : kNumerals)
      if (display.substr(i, n.size()) == n) return n.size();
    return 0;
  };
  for (size_t i = 0; i < display.size(); ++i) {
    if (numeral_at(i) == 0) continue;
    size_t end = i;
    while (size_t n = numeral_at(end)) end += n;
    constexpr std::string_view kOrdinal = "第";  // 第一: the ordinal is one word with its numeral
    size_t start = i >= kOrdinal.size() && display.substr(i - kOrdinal.size(), kOrdinal.size()) == kOrdinal
                       ? i - kOrdinal.size()
                       : i;
    return {start, end};
  }
  return {std::string_view::npos, std::string_view::npos};
}

}  // namespace

FigureParts split_figure(std::string_view display) {
  size_t start = 0;
  while (start < display.size() && !(display[start] >= '0' && display[start] <= '9')) ++start;
  if (start == display.size()) {
    auto [from, to] = chinese_numerals(display);
    if (from == std::string_view::npos) return {"", "", std::string(display)};
    return {std::string(display.substr(0, from)), std::string(display.substr(from, to - from)),
            std::string(display.substr(to))};
  }
  size_t end = start;
  while (end < display.size() && is_number_char(display[end])) ++end;
  while (end > start && (display[end - 1] == '.' || display[end - 1] == ',')) --end;
  return {std::string(display.substr(0, start)), std::string(display.substr(start, end - start)),
          std::string(display.substr(end)), joins(display.substr(end))};
}

double ease_out_cubic(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return 1 - std::pow(1 - t, 3);
}

double ease_in_out_cubic(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

}  // namespace kiosk::text
