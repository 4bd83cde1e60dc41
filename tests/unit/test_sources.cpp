#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "bundle_fixture.h"
#include "kiosk/authoring/sources.h"

using namespace kiosk::authoring;
namespace fs = std::filesystem;

namespace {

const fs::path kTiny = fs::path(KIOSK_SOURCE_DIR) / "tests/data/tiny";

// A copy of the tiny sources in which `file` gets `text` appended (or replaced).
struct SourceCopy {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  SourceCopy() { fs::copy(kTiny, dir, fs::copy_options::recursive); }
  void append(const std::string& file, const std::string& text) const {
    std::ofstream(dir / file, std::ios::app) << text;
  }
  void replace(const std::string& file, const std::string& text) const {
    std::ofstream(dir / file, std::ios::trunc) << text;
  }
  std::string problems() const {
    std::string out;
    for (const auto& d : read_sources(dir).problems) out += d.to_string() + "\n";
    return out;
  }
};

bool has(const std::string& all, const std::string& line) {
  return all.find(line) != std::string::npos;
}

}  // namespace

TEST_CASE("sources: the tiny test sources read without problems") {
  auto result = read_sources(kTiny);
  CHECK(result.problems.empty());
  CHECK(result.sources.items.size() == 3);
  CHECK(result.sources.categories.size() == 2);
  CHECK(result.sources.info.version == 1);
}

TEST_CASE("sources: a missing field is named with file and line") {
  SourceCopy src;
  src.append("items/highlights.toml", "\n[[item]]\nid = \"no-title\"\nkind = \"story\"\n");
  auto problems = src.problems();
  CHECK(has(problems, "items/highlights.toml:43: title_zh: missing"));
  CHECK(has(problems, "items/highlights.toml:43: quote: missing"));
}

TEST_CASE("sources: an items file for an unknown category is refused") {
  SourceCopy src;
  fs::copy_file(src.dir / "items/culture.toml", src.dir / "items/sports.toml");
  auto problems = src.problems();
  CHECK(has(problems, "items/sports.toml:1: unknown category 'sports'"));
  CHECK(has(problems, "duplicate item id 'haitang-visitors' (first in items/culture.toml:1)"));
}

TEST_CASE("sources: a dangling image and a dangling playlist item are refused") {
  SourceCopy src;
  src.append("playlist.toml", "\n[[slide]]\nitem = \"no-such-item\"\ndwell = 8.0\n");
  std::string items =
      "[[item]]\nid = \"pic\"\nkind = \"story\"\ntitle_zh = \"t\"\ntitle_en = \"t\"\n"
      "summary_zh = \"s\"\nsummary_en = \"s\"\nquote = \"q\"\nsection_zh = \"x\"\nsection_en = \"x\"\n"
      "image = \"ghost\"\n";
  src.append("items/culture.toml", "\n" + items);
  auto problems = src.problems();
  CHECK(has(problems, "playlist.toml:16: item: no item with id 'no-such-item'"));
  CHECK(has(problems, "image: no image with id 'ghost' in images.toml"));
}

TEST_CASE("sources: text that is not valid UTF-8 is refused with its line") {
  SourceCopy src;
  src.append("items/highlights.toml", "\n# a comment with a bad byte: \xFF\n");
  CHECK(has(src.problems(), "items/highlights.toml:43: text is not valid UTF-8"));
}

TEST_CASE("sources: a TOML syntax error names the line") {
  SourceCopy src;
  src.replace("categories.toml", "[[category]]\nid = \"a\nbroken\n");
  CHECK(has(src.problems(), "categories.toml:2:"));
}

TEST_CASE("sources: wrong values are refused") {
  SourceCopy src;
  src.replace("categories.toml",
              "[[category]]\nid = \"Highlights!\"\norder = 1\ntitle_zh = \"a\"\ntitle_en = \"a\"\naccent = \"gold\"\n"
              "icon = \"rocket\"\nflavour = \"x\"\n");
  auto problems = src.problems();
  CHECK(has(problems, "categories.toml:2: id: use lowercase letters, digits and '-'"));
  CHECK(has(problems, "categories.toml:6: accent: must be a colour like #F2C14E"));
  CHECK(has(problems, "categories.toml:7: icon: unknown icon 'rocket'"));
  CHECK(has(problems, "categories.toml:8: flavour: unknown field"));
}

TEST_CASE("sources: a version that is not a positive whole number gets one message") {
  for (const char* bad : {"\"v9\"", "2.5", "0", "-1"}) {
    SourceCopy src;
    std::ifstream in(src.dir / "bundle.toml");
    std::stringstream text;
    text << in.rdbuf();
    std::string toml = text.str();
    toml.replace(toml.find("version = 1"), 11, std::string("version = ") + bad);
    src.replace("bundle.toml", toml);
    auto problems = src.problems();
    INFO(problems);
    CHECK(problems == "bundle.toml:4: version: must be a positive whole number, such as 2\n");
  }
}

TEST_CASE("sources: a figure needs its figure table, with a known qualifier and direction") {
  SourceCopy src;
  src.append("items/highlights.toml",
             "\n[[item]]\nid = \"odd\"\nkind = \"figure\"\ntitle_zh = \"t\"\ntitle_en = \"t\"\nsummary_zh = \"s\"\n"
             "summary_en = \"s\"\nquote = \"q\"\nsection_zh = \"x\"\nsection_en = \"x\"\n[item.figure]\n"
             "display = \"5%\"\nvalue = \"five\"\nqualifier = \"大约\"\ndirection = \"up\"\ndisplay_en = \"5%\"\n");
  auto problems = src.problems();
  CHECK(has(problems, "value: must be a number"));
  CHECK(has(problems, "qualifier: must be one of"));
  CHECK(has(problems, "direction: must be growth, total or rank"));
}

TEST_CASE("sources: a missing source file is named") {
  SourceCopy src;
  fs::remove(src.dir / "playlist.toml");
  CHECK(has(src.problems(), "playlist.toml: missing"));
}

TEST_CASE("sources: a NUL or other control character written as an escape is refused with its line") {
  SourceCopy src;
  src.append("items/highlights.toml",
             "\n[[item]]\nid = \"nul\"\nkind = \"story\"\ntitle_zh = \"t\\nu\"\ntitle_en = \"a\\u0000b\"\n"
             "summary_zh = \"s\"\nsummary_en = \"s\"\nbody_en = \"one\\ntwo\\tthree\"\nquote = \"q\\u001b\"\n"
             "section_zh = \"x\"\nsection_en = \"x\"\n");
  std::ifstream before(src.dir / "ui.toml");
  auto line = std::to_string(std::count(std::istreambuf_iterator<char>(before), {}, '\n') + 1);
  src.append("ui.toml", "bell = { zh = \"\\u0007\", en = \"bell\" }\n");
  auto problems = src.problems();
  CHECK(has(problems, "items/highlights.toml:47: title_en: contains the control character U+0000"));
  CHECK(has(problems,
            "items/highlights.toml:46: title_zh: contains the control character U+000A, which this field "
            "may not hold (line breaks only in body texts)"));
  CHECK(has(problems, "items/highlights.toml:51: quote: contains the control character U+001B"));
  CHECK(has(problems, "ui.toml:" + line + ": zh: contains the control character U+0007"));
  CHECK_FALSE(has(problems, "body_en"));
}

TEST_CASE("sources: a straight quote in English text is refused with its line, Chinese and curly quotes pass") {
  SourceCopy src;
  src.append("items/highlights.toml",
             "\n[[item]]\nid = \"quotes\"\nkind = \"story\"\ntitle_zh = \"“雏鹰”企业\"\n"
             "title_en = \"The \\\"Fledgling Eagle\\\" firms\"\nsummary_zh = \"s\"\n"
             "summary_en = \"Heping’s “Gazelle” and ‘Leading’ firms\"\nbody_en = \"The district's firms\"\n"
             "quote = \"q\"\nsection_zh = \"x\"\nsection_en = \"x\"\n");
  std::ifstream before(src.dir / "ui.toml");
  auto line = std::to_string(std::count(std::istreambuf_iterator<char>(before), {}, '\n') + 1);
  src.append("ui.toml", "quoted = { zh = \"“好”\", en = \"Press 'OK'\" }\n");
  auto problems = src.problems();
  INFO(problems);
  CHECK(has(problems,
            "items/highlights.toml:47: title_en: has a straight quote \" (after \"The \"\"): English text "
            "uses “ ” for quotes, ‘ ’ for quotes within quotes and ’ for apostrophes"));
  CHECK(has(problems, "items/highlights.toml:50: body_en: has a straight quote ' (after \"The district'\")"));
  CHECK(has(problems, "ui.toml:" + line + ": en: has a straight quote '"));
  CHECK_FALSE(has(problems, "summary_en"));
  CHECK_FALSE(has(problems, "title_zh"));
  CHECK_FALSE(has(problems, ": zh:"));
}
