#include "kiosk/content/formats.h"

namespace kiosk::content {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}
bool lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool hex(char c) {
  return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int number(std::string_view s, size_t at, size_t count) {
  int n = 0;
  for (size_t i = at; i < at + count; ++i) {
    if (!digit(s[i])) return -1;
    n = n * 10 + (s[i] - '0');
  }
  return n;
}
bool word(std::string_view s, char joiner) {
  if (s.empty() || !(lower(s[0]) || digit(s[0]))) return false;
  for (char c : s)
    if (!(lower(c) || digit(c) || c == joiner)) return false;
  return true;
}

}  // namespace

std::optional<CategoryIcon> category_icon(std::string_view name) {
  for (size_t i = 0; i < kCategoryIconNames.size(); ++i)
    if (kCategoryIconNames[i] == name) return static_cast<CategoryIcon>(i);
  return std::nullopt;
}

bool valid_id(std::string_view s) {
  return word(s, '-');
}

bool valid_ui_key(std::string_view s) {
  return word(s, '_');
}

bool valid_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int month = number(s, 5, 2), day = number(s, 8, 2);
  return number(s, 0, 4) >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool valid_time(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return false;
  int hours = number(s, 0, 2), minutes = number(s, 3, 2);
  return hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59;
}

bool valid_colour(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return false;
  for (char c : s.substr(1))
    if (!hex(c)) return false;
  return true;
}

bool valid_sha256(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!(digit(c) || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace kiosk::content
