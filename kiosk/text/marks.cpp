#include "kiosk/text/marks.h"

#include <cctype>

namespace kiosk::text {
namespace {

const char* full_width(char c) {
  switch (c) {
    case ',': return "，";
    case ':': return "：";
    case ';': return "；";
    case '!': return "！";
    case '(': return "（";
    case ')': return "）";
    default: return nullptr;
  }
}

bool digit(std::string_view text, size_t i) {
  return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
}

}  // namespace

std::string full_width_marks(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char* wide = full_width(text[i]);
    // A figure's separator belongs to the figure.
    if (wide && !(i > 0 && digit(text, i - 1) && digit(text, i + 1)))
      out += wide;
    else
      out += text[i];
  }
  return out;
}

}  // namespace kiosk::text
