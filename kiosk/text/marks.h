#pragma once
// Punctuation as Chinese is set on screen: the report's source mixes ASCII marks into
// its Chinese text, and its README asks for their full-width forms (，：；！（）) there.

#include <string>
#include <string_view>

namespace kiosk::text {

// Each ASCII , : ; ! ( ) replaced by its full-width twin, except between two ASCII digits
// (1,000 and 10:30 stay as they are); nothing else changes.
std::string full_width_marks(std::string_view text);

// `words` within “ and ”, its own “ ” turned into ‘ ’ so that the quote inside the quote
// reads as one (“……‘泰安道5号’……” rather than “……“泰安道5号”……”), as both Chinese and
// English set quotes within quotes.
std::string quoted(std::string_view words);

// The CJK font's “ ” ‘ ’ are a full em wide, as Chinese sets them; English sets them in
// Latin proportions. A text with no Chinese character in it gets the narrow forms, which
// the ui bakes at these private-use code points. Each takes as many bytes as the mark it
// stands for, so a byte offset into one text is one into the other.
struct LatinQuote {
  char32_t mark, narrow;
};
inline constexpr LatinQuote kLatinQuotes[] = {{U'“', 0xE01C}, {U'”', 0xE01D}, {U'‘', 0xE018}, {U'’', 0xE019}};
bool has_han(std::string_view text);
// `text` with its quotes in their narrow forms when it has no Chinese character; else as it is.
std::string latin_quotes(std::string_view text);

}  // namespace kiosk::text
