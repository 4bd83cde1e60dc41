#include "kiosk/authoring/glossary.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "kiosk/authoring/english_fields.h"
#include "kiosk/authoring/toml_fields.h"

namespace kiosk::authoring {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> kKinds = {"company",   "organisation", "place",  "street", "landmark",
                                      "programme", "festival",     "honour", "title",  "person"};

bool word_byte(unsigned char c) {
  return std::isalnum(c) != 0;
}

// Where `text` holds `zh` terms, read longest first from left to right.
std::vector<const GlossaryTerm*> terms_in(const std::string& text,
                                          const std::vector<const GlossaryTerm*>& longest_first) {
  std::vector<const GlossaryTerm*> found;
  size_t at = 0;
  while (at < text.size()) {
    const GlossaryTerm* match = nullptr;
    for (const auto* term : longest_first)
      if (text.compare(at, term->zh.size(), term->zh) == 0) {
        match = term;
        break;
      }
    if (match) {
      if (std::find(found.begin(), found.end(), match) == found.end()) found.push_back(match);
      at += match->zh.size();
    } else {
      ++at;
      while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    }
  }
  return found;
}

}  // namespace

bool names(const std::string& en, const std::string& name) {
  if (name.empty()) return false;
  std::string capital = name;
  capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
  for (const std::string* form : {&name, static_cast<const std::string*>(&capital)}) {
    for (size_t at = en.find(*form); at != std::string::npos; at = en.find(*form, at + 1)) {
      if (at > 0 && word_byte(static_cast<unsigned char>(en[at - 1]))) continue;
      std::string_view rest = std::string_view(en).substr(at + form->size());
      for (std::string_view suffix : {"es", "s"})
        if (rest.substr(0, suffix.size()) == suffix) {
          rest.remove_prefix(suffix.size());
          break;
        }
      // ’ (a possessive) is not a word byte, so a name followed by ’s or ’ ends here too.
      if (rest.empty() || !word_byte(static_cast<unsigned char>(rest[0]))) return true;
    }
  }
  return false;
}

Glossary read_glossary(const fs::path& dir, Diagnostics& out) {
  Glossary glossary;
  if (!fs::exists(dir / glossary.file)) return glossary;
  auto root = parse_toml_file((dir / glossary.file).string(), glossary.file, out);
  if (!root) return glossary;
  const auto* node = root->get("term");
  const auto* array = node ? node->as_array() : nullptr;
  if (!array || array->empty()) {
    out.push_back({glossary.file, 0, "no [[term]] defined"});
    return glossary;
  }
  std::map<std::string, int> first_line;
  for (const auto& element : *array) {
    const auto* table = element.as_table();
    if (!table) {
      out.push_back({glossary.file, static_cast<int>(element.source().begin.line), "term: entry must be a table"});
      continue;
    }
    FieldReader f(*table, glossary.file, out);
    GlossaryTerm term{f.required_string("zh"), f.required_string("en"), f.required_string("kind"),
                      f.required_string("source"), f.line()};
    f.check_no_unknown({"zh", "en", "kind", "source"});
    if (!term.kind.empty() && !kKinds.count(term.kind))
      f.problem("kind",
                "must be company, organisation, place, street, landmark, programme, festival, honour, title or person "
                "(got '" +
                    term.kind + "')");
    if (term.zh.empty()) continue;
    if (auto [it, added] = first_line.emplace(term.zh, term.line); !added) {
      f.problem("zh", "duplicate term '" + term.zh + "' (first at line " + std::to_string(it->second) +
                          "): a name has one English rendering");
      continue;
    }
    if (!term.en.empty()) glossary.terms.push_back(term);
  }
  return glossary;
}

void check_glossary(const Glossary& glossary, const Sources& sources, Diagnostics& out) {
  std::vector<const GlossaryTerm*> longest_first;
  for (const auto& term : glossary.terms) longest_first.push_back(&term);
  std::stable_sort(longest_first.begin(), longest_first.end(),
                   [](const GlossaryTerm* a, const GlossaryTerm* b) { return a->zh.size() > b->zh.size(); });
  for (const auto& field : english_fields(sources)) {
    if (!field.zh) continue;
    for (const auto* term : terms_in(*field.zh, longest_first))
      if (!names(*field.en, term->en))
        out.push_back({field.at.file, field.at.line,
                       field.what + ": " + field.zh_field + " names " + term->zh + ", so the English must name it “" +
                           term->en + "” (" + glossary.file + ":" + std::to_string(term->line) + ")"});
  }
}

}  // namespace kiosk::authoring
