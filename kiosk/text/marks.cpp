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

std::string quoted(std::string_view words) {
  std::string out = "“";
  for (size_t i = 0; i < words.size();) {
    if (words.substr(i, 3) == "“") {
      out += "‘";
      i += 3;
    } else if (words.substr(i, 3) == "”") {
      out += "’";
      i += 3;
    } else {
      out += words[i++];
    }
  }
  return out + "”";
}

}  // namespace kiosk::text
