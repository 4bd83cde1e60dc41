#include "kiosk/text/marks.h"

#include <cctype>

#include "kiosk/text/utf8.h"

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

bool has_han(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    char32_t c = decode_next(text, pos);
    if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)) return true;
  }
  return false;
}

std::string latin_quotes(std::string_view text) {
  std::string out(text);
  if (has_han(text)) return out;
  for (const auto& q : kLatinQuotes) {
    const std::string mark = encode(q.mark), narrow = encode(q.narrow);
    for (size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + narrow.size()))
      out.replace(at, mark.size(), narrow);
  }
  return out;
}

}  // namespace kiosk::text
