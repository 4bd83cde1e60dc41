#include "kiosk/text/figure_text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::text {
namespace {

bool is_number_char(char c) {
  return (c >= '0' && c <= '9') || c == '.' || c == ',';
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
          std::string(display.substr(end))};
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
