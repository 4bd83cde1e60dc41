#include "kiosk/authoring/english_check.h"

#include <map>

#include "kiosk/authoring/calques.h"
#include "kiosk/authoring/english_fields.h"
#include "kiosk/authoring/glossary.h"

namespace kiosk::authoring {
namespace {

// A section of the report has one English name: the first-time visitor review found (2),
// (6) and (8) named two ways on different items.
void check_section_names(const Sources& sources, Diagnostics& out) {
  std::map<std::string, EnglishField> first;
  for (const auto& field : english_fields(sources)) {
    if (field.zh_field != "section_zh" || !field.zh || field.en->empty()) continue;
    auto [seen, inserted] = first.emplace(*field.zh, field);
    if (inserted || *seen->second.en == *field.en) continue;
    out.push_back({field.at.file, field.at.line,
                   field.what + ": “" + *field.en + "” names " + *field.zh + " otherwise than “" + *seen->second.en +
                       "” (" + seen->second.at.file + ":" + std::to_string(seen->second.at.line) +
                       "); a section has one English name"});
  }
}

}  // namespace

Diagnostics check_english(const Sources& sources) {
  Diagnostics out;
  Glossary glossary = read_glossary(sources.dir, out);
  Calques calques = read_calques(sources.dir, out);
  // A broken list would hold the texts to rules nobody wrote: fix the list first.
  if (!out.empty()) return out;
  check_glossary(glossary, sources, out);
  check_calques(calques, sources, out);
  check_section_names(sources, out);
  return out;
}

}  // namespace kiosk::authoring
