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

}  // namespace kiosk::text
