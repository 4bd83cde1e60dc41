// The English against the glossary (db/content/glossary.toml) and the banned calques
// (db/content/calques.toml): the shipped content keeps to both, and each refusal names the
// file, the line, the item and what to write instead.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "bundle_fixture.h"
#include "kiosk/authoring/builder.h"
#include "kiosk/authoring/calques.h"
#include "kiosk/authoring/english_check.h"
#include "kiosk/authoring/glossary.h"
#include "kiosk/authoring/sources.h"

using namespace kiosk::authoring;
namespace fs = std::filesystem;

namespace {

const fs::path kContent = fs::path(KIOSK_SOURCE_DIR) / "db/content";
const fs::path kTiny = fs::path(KIOSK_SOURCE_DIR) / "tests/data/tiny";

// The tiny test sources with a glossary or calque list of the test's own.
struct EnglishCopy {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  EnglishCopy() { fs::copy(kTiny, dir, fs::copy_options::recursive); }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(dir / file, std::ios::trunc) << text;
  }
  std::string problems() const {
    auto read = read_sources(dir);
    std::string out;
    for (const auto& d : read.problems) out += "sources: " + d.to_string() + "\n";
    for (const auto& d : check_english(read.sources)) out += d.to_string() + "\n";
    return out;
  }
};

bool has(const std::string& all, const std::string& part) {
  return all.find(part) != std::string::npos;
}

std::string term(const std::string& zh, const std::string& en) {
  return "[[term]]\nzh = \"" + zh + "\"\nen = \"" + en + "\"\nkind = \"place\"\nsource = \"GB/T 16159\"\n\n";
}

std::string calque(const std::string& phrase) {
  return "[[calque]]\nphrase = \"" + phrase + "\"\nreason = \"word for word\"\nsuggest = \"“plain words”\"\n\n";
}

}  // namespace

TEST_CASE("english: the shipped content keeps to its glossary and uses none of the banned calques") {
  auto read = read_sources(kContent);
  REQUIRE(read.problems.empty());
  for (const auto& d : check_english(read.sources)) FAIL_CHECK(d.to_string());
  Diagnostics out;
  auto glossary = read_glossary(kContent, out);
  auto calques = read_calques(kContent, out);
  CHECK(out.empty());
  CHECK(glossary.terms.size() >= 50);
  for (const auto& t : glossary.terms) CHECK_MESSAGE(t.source.size() >= 10, t.zh << " names no real source");
  for (const char* banned :
       {"person-times", "person-time", "projects landed", "landed projects", "toughest style", "three big ball games"})
    CHECK_MESSAGE(std::any_of(calques.phrases.begin(), calques.phrases.end(),
                              [&](const Calque& c) { return c.phrase == banned; }),
                  banned << " is not banned");
}

TEST_CASE(
    "english: a name in the Chinese that its English leaves out is refused with file, line, item and the glossary's "
    "English") {
  EnglishCopy src;
  src.write("glossary.toml", "# glossary.toml\n" + term("市民游客", "residents and tourists"));
  auto problems = src.problems();
  INFO(problems);
  // The summary says “residents and tourists”; the body says only “visits”.
  CHECK(
      has(problems,
          "items/culture.toml:9: item 'haitang-visitors' body_en: body_zh names 市民游客, so the English must name it "
          "“residents and tourists” (glossary.toml:2)"));
  CHECK(has(problems, "items/culture.toml:9: item 'haitang-visitors' body_en: quote names 市民游客"));
  CHECK_FALSE(has(problems, "summary_en"));
}

TEST_CASE(
    "english: the glossary is case-sensitive as written, and a term inside a longer one asks only for the longer one's "
    "English") {
  EnglishCopy src;
  src.write("glossary.toml", term("海棠花", "begonia") + term("五大道", "WUDADAO"));
  auto problems = src.problems();
  INFO(problems);
  CHECK(has(problems,
            "items/culture.toml:5: item 'haitang-visitors' title_en: title_zh names 海棠花, so the English must "
            "name it “begonia”"));
  CHECK(has(problems,
            "items/culture.toml:5: item 'haitang-visitors' title_en: title_zh names 五大道, so the English must "
            "name it “WUDADAO”"));
  // A small first letter may be a capital at the start of a sentence; nothing else changes case.
  src.write("glossary.toml", term("五大道", "wudadao"));
  CHECK(src.problems().empty());
  src.write("glossary.toml", term("海棠花", "begonia") + term("五大道海棠花节", "Wudadao Crabapple Blossom Festival") +
                                 term("五大道", "WUDADAO"));
  CHECK(src.problems().empty());
}

TEST_CASE("english: a name counts as a whole word, possessive or plural") {
  CHECK(names("Wudadao’s villas", "Wudadao"));
  CHECK(names("6 pocket parks were built", "pocket park"));
  CHECK(names("Pocket parks were built", "pocket park"));
  CHECK(names("the two Wudadao Parks’ gates", "Wudadao Park"));
  CHECK(names("classes", "class"));
  CHECK(names("in Heping.", "Heping"));
  CHECK_FALSE(names("Hepingyuan was upgraded", "Heping"));
  CHECK_FALSE(names("Wudadaoist", "Wudadao"));
  CHECK_FALSE(names("XTianjin", "Tianjin"));
  CHECK_FALSE(names("tianjin", "Tianjin"));
  CHECK_FALSE(names("anything", ""));
}

TEST_CASE(
    "english: a glossary with a duplicate term, an empty field, no source or an unknown kind is refused with its "
    "line") {
  EnglishCopy src;
  src.write("glossary.toml",
            "[[term]]\nzh = \"五大道\"\nen = \"Wudadao\"\nkind = \"place\"\nsource = \"Xinhua\"\n\n"
            "[[term]]\nzh = \"五大道\"\nen = \"Five Avenues\"\nkind = \"place\"\nsource = \"guidebook\"\n\n"
            "[[term]]\nzh = \"海河\"\nen = \"\"\nkind = \"place\"\nsource = \"Xinhua\"\n\n"
            "[[term]]\nzh = \"津河\"\nen = \"Jinhe\"\nkind = \"river\"\n\n"
            "[[term]]\nzh = \"民园\"\nen = \"Minyuan\"\nkind = \"place\"\nsource = \"GB/T 16159\"\nnote = \"x\"\n");
  auto problems = src.problems();
  INFO(problems);
  CHECK(has(problems,
            "glossary.toml:8: zh: duplicate term '五大道' (first at line 1): a name has one English rendering"));
  CHECK(has(problems, "glossary.toml:15: en: must not be empty"));
  CHECK(has(problems, "glossary.toml:19: source: missing"));
  CHECK(has(problems, "glossary.toml:22: kind: must be company, organisation, place"));
  CHECK(has(problems, "glossary.toml:29: note: unknown field"));
  src.write("glossary.toml", "# nothing yet\n");
  CHECK(has(src.problems(), "glossary.toml: no [[term]] defined"));
}

TEST_CASE("english: a banned calque in any English text is refused, in any case, as whole words, with the suggestion") {
  EnglishCopy src;
  src.write("calques.toml", calque("IN TOTAL") + calque("explore") + calque("culture and tourism") + calque("in tot"));
  auto problems = src.problems();
  INFO(problems);
  CHECK(
      has(problems,
          "items/culture.toml:7: item 'haitang-visitors' summary_en: “in total” is a calque (word for word); instead, "
          "“plain words” (calques.toml:1)"));
  CHECK(has(problems, "items/culture.toml:9: item 'haitang-visitors' body_en: “in total” is a calque"));
  CHECK(has(problems, "ui.toml:3: ui string 'touch_cue' en: “explore” is a calque"));
  CHECK(has(problems, "categories.toml:13: category 'culture' title_en: “Culture and tourism” is a calque"));
  CHECK_FALSE(has(problems, "“in tot”"));
  // The quote shares body_en as its English: the body's calque is reported once.
  auto first = problems.find("body_en: “in total”");
  CHECK(problems.find("body_en: “in total”", first + 1) == std::string::npos);
}

TEST_CASE("english: a calque list with a duplicate phrase or an empty field is refused with its line") {
  EnglishCopy src;
  src.write("calques.toml",
            calque("person-times") + calque("Person-Times") + "[[calque]]\nphrase = \"landed\"\nreason = \"\"\n");
  auto problems = src.problems();
  INFO(problems);
  CHECK(has(problems, "calques.toml:7: phrase: duplicate phrase 'Person-Times' (first at line 1)"));
  CHECK(has(problems, "calques.toml:13: reason: must not be empty"));
  CHECK(has(problems, "calques.toml:11: suggest: missing"));
  CHECK(find_phrase("over 5,000 Person-Times", "person-times") == 11);
  CHECK(find_phrase("a person-timeline", "person-time") == std::string::npos);
}

TEST_CASE("english: the builder writes no bundle while the English breaks the glossary or uses a calque") {
  EnglishCopy src;
  src.write("calques.toml", calque("in total"));
  src.write("glossary.toml", term("市民游客", "residents and tourists"));
  fs::path out = src.scratch.path / "x.bundle";
  auto result = build_bundle(src.dir, out);
  std::string problems;
  for (const auto& d : result.problems) problems += d.to_string() + "\n";
  INFO(problems);
  CHECK(has(problems, "is a calque"));
  CHECK(has(problems, "so the English must name it “residents and tourists”"));
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE(
    "english: a glossary or calque list that is empty, not a list of tables or not TOML is refused with its line") {
  EnglishCopy src;
  src.write("calques.toml", "# nothing yet\n");
  CHECK(has(src.problems(), "calques.toml: no [[calque]] defined"));
  src.write("calques.toml", "calque = [\"person-times\"]\n");
  CHECK(has(src.problems(), "calques.toml:1: calque: entry must be a table"));
  src.write("calques.toml", "");
  src.write("glossary.toml", "term = [\"五大道\"]\n");
  CHECK(has(src.problems(), "glossary.toml:1: term: entry must be a table"));
  src.write("glossary.toml", "[[term]]\nzh = \"五大道\nen = \"Wudadao\"\n");
  CHECK(has(src.problems(), "glossary.toml:2:"));
}

TEST_CASE("english: a section of the report named two ways in English is refused with both places") {
  EnglishCopy src;
  CHECK_FALSE(has(src.problems(), "a section has one English name"));
  auto path = src.dir / "items/highlights.toml";
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto at = text.rfind("section_en = \"I. Review of work in 2024\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, std::string("section_en = \"I. Review of work in 2024\"").size(),
               "section_en = \"I. The work of 2024 reviewed\"");
  src.write("items/highlights.toml", text);
  auto problems = src.problems();
  INFO(problems);
  CHECK(has(problems, "items/highlights.toml:33: item "));
  CHECK(has(problems,
            "section_en: “I. The work of 2024 reviewed” names 一、2024年工作回顾 otherwise than “I. Review of "
            "work in 2024” (items/"));
}
