#include "kiosk/authoring/english_check.h"

#include "kiosk/authoring/calques.h"
#include "kiosk/authoring/glossary.h"

namespace kiosk::authoring {

Diagnostics check_english(const Sources& sources) {
  Diagnostics out;
  Glossary glossary = read_glossary(sources.dir, out);
  Calques calques = read_calques(sources.dir, out);
  // A broken list would hold the texts to rules nobody wrote: fix the list first.
  if (!out.empty()) return out;
  check_glossary(glossary, sources, out);
  check_calques(calques, sources, out);
  return out;
}

}  // namespace kiosk::authoring
