#pragma once
// `kioskctl build`'s check of the English against the glossary and the banned calques of
// the source folder (glossary.h, calques.h): the builder writes no bundle while any
// diagnostic remains.

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/authoring/sources.h"

namespace kiosk::authoring {

Diagnostics check_english(const Sources& sources);

}  // namespace kiosk::authoring
