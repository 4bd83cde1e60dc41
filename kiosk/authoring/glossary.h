#pragma once
// The glossary (db/content/glossary.toml): the one English name of each company, place,
// street, programme, festival and landmark the content names, with where that name comes
// from. The build holds every English text to it: wherever the Chinese a text renders names
// a term, the English must name it as the glossary does.

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/authoring/sources.h"

namespace kiosk::authoring {

struct GlossaryTerm {
  std::string zh, en, kind, source;
  int line = 0;  // in glossary.toml
};

struct Glossary {
  std::string file = "glossary.toml";
  std::vector<GlossaryTerm> terms;
};

// Reads `dir`/glossary.toml, refusing with file and line a duplicate zh, an empty or missing
// field and an unknown kind. A source folder without the file has an empty glossary.
Glossary read_glossary(const std::filesystem::path& dir, Diagnostics& out);

// Whether `en` names `name` as a whole word, as written or with the forms a sentence gives
// a name: a possessive (’s, or ’ after s), a plural s or es, and a capital first letter
// where the glossary writes a small one.
bool names(const std::string& en, const std::string& name);

// One diagnostic for each English text whose Chinese names a term that the English does not.
// The Chinese is read longest term first, so that 五大道公园 asks for "Wudadao Park" and not
// also for a "Wudadao" inside another word.
void check_glossary(const Glossary& glossary, const Sources& sources, Diagnostics& out);

}  // namespace kiosk::authoring
