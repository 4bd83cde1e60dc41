#pragma once
// The English texts of the sources, each with the Chinese it renders (when it has one) and
// the place it was written: what the glossary and the calque list are checked against.

#include <string>
#include <vector>

#include "kiosk/authoring/sources.h"

namespace kiosk::authoring {

struct EnglishField {
  std::string what;       // "item 'gdp-growth' summary_en", "ui string 'back' en"
  std::string zh_field;   // the Chinese field it renders, "summary_zh"; empty when it renders none
  const std::string* zh;  // null when the English renders no Chinese field (an image credit)
  const std::string* en;
  Place at;  // where the English was written
};

// Every English text of the sources. The quote, which the kiosk shows in Chinese in both
// languages, is paired with body_en: the body is what the English reader has of it.
std::vector<EnglishField> english_fields(const Sources& sources);

}  // namespace kiosk::authoring
