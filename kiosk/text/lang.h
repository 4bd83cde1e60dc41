#pragma once
// The kiosk's two languages and picking the right half of a bilingual text.

#include <string>

namespace kiosk::text {

enum class Lang { Zh, En };

template <typename Bilingual>
const std::string& pick(const Bilingual& text, Lang lang) {
  return lang == Lang::Zh ? text.zh : text.en;
}

}  // namespace kiosk::text
