#pragma once
// Punctuation as Chinese is set on screen: the report's source mixes ASCII marks into
// its Chinese text, and its README asks for their full-width forms (，：；！（）) there.

#include <string>
#include <string_view>

namespace kiosk::text {

// Each ASCII , : ; ! ( ) replaced by its full-width twin, except between two ASCII digits
// (1,000 and 10:30 stay as they are); nothing else changes.
std::string full_width_marks(std::string_view text);

}  // namespace kiosk::text
