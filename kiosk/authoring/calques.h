#pragma once
// The banned calques (db/content/calques.toml): English phrases that carry the Chinese
// word for word and that a native editor always strikes ("person-times", "projects
// landed"), each with the reason and a wording to use instead. The build refuses any
// English text of the sources that holds one.

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/authoring/sources.h"

namespace kiosk::authoring {

struct Calque {
  std::string phrase, reason, suggest;
  int line = 0;  // in calques.toml
};

struct Calques {
  std::string file = "calques.toml";
  std::vector<Calque> phrases;
};

// Reads `dir`/calques.toml, refusing with file and line a duplicate phrase (in any case) and
// an empty or missing field. A source folder without the file bans nothing.
Calques read_calques(const std::filesystem::path& dir, Diagnostics& out);

// Where `text` holds `phrase` as whole words, in any case: the byte offset, or npos.
size_t find_phrase(const std::string& text, const std::string& phrase);

// One diagnostic for each English text and banned phrase it holds.
void check_calques(const Calques& calques, const Sources& sources, Diagnostics& out);

}  // namespace kiosk::authoring
