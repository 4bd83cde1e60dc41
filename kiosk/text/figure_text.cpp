#include "kiosk/text/figure_text.h"

#include <algorithm>
#include <cmath>

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

}  // namespace

FigureParts split_figure(std::string_view display) {
  size_t start = 0;
  while (start < display.size() && !(display[start] >= '0' && display[start] <= '9')) ++start;
  if (start == display.size()) return {"", "", std::string(display)};
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
