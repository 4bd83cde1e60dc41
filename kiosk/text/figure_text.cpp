#include "kiosk/text/figure_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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

std::string count_up_number(const std::string& number, double progress) {
  if (progress >= 1 || number.empty()) return number;
  std::string plain;
  for (char c : number)
    if (c != ',') plain += c;
  auto dot = plain.find('.');
  int decimals = dot == std::string::npos ? 0 : static_cast<int>(plain.size() - dot - 1);
  double target = std::strtod(plain.c_str(), nullptr);
  double scale = std::pow(10.0, decimals);
  double shown = std::floor(target * std::max(0.0, progress) * scale) / scale;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, shown);
  std::string digits = buf;
  if (number.find(',') == std::string::npos) return digits;
  // Thousands separators as the figure has them.
  size_t int_end = std::min(digits.find('.'), digits.size());
  std::string out;
  for (size_t i = 0; i < int_end; ++i) {
    if (i > 0 && (int_end - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out + digits.substr(int_end);
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
