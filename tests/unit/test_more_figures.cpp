// Schema 4: an item's figures after its lead (figure_more) and its 原文 (original). The
// sources read them, the fidelity check holds each figure to the lead's rules, the bundle
// reads them back, and validation refuses a bundle whose figures or 原文 depart from the report.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "bundle_fixture.h"
#include "kiosk/authoring/fidelity.h"
#include "kiosk/authoring/sources.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/fidelity.h"
#include "kiosk/content/shown_texts.h"
#include "kiosk/content/validate.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const fs::path kTiny = fs::path(KIOSK_SOURCE_DIR) / "tests/data/tiny";

bool has(const std::string& all, const std::string& line) {
  return all.find(line) != std::string::npos;
}

const authoring::Sources& tiny() {
  static const authoring::ReadResult result = authoring::read_sources(kTiny);
  return result.sources;
}

const content::Item& tiny_item(const std::string& id) {
  for (const auto& item : tiny().items)
    if (item.id == id) return item;
  throw std::runtime_error("no item " + id);
}

// The problems the sources' own fidelity check finds in `item`, one per line.
std::string fidelity_of(const content::Item& item) {
  content::FidelityCheck check(tiny().document);
  std::string out;
  for (const auto& p : check.check(item)) out += p.field + ": " + p.reason + "\n";
  return out;
}

// The tiny sources with `text` appended to items/culture.toml; what reading them finds.
std::string read_problems(const std::string& text) {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  fs::copy(kTiny, dir, fs::copy_options::recursive);
  std::ofstream(dir / "items/culture.toml", std::ios::app) << text;
  std::string out;
  for (const auto& d : authoring::read_sources(dir).problems) out += d.to_string() + "\n";
  return out;
}

}  // namespace

TEST_CASE("more figures: the sources read them in order, labelled, and derive each item's 原文") {
  const auto& item = tiny_item("haitang-visitors");
  REQUIRE(item.figure);
  CHECK(item.figure->display_zh == "1660余万人次");
  REQUIRE(item.more_figures.size() == 1);
  CHECK(item.more_figures[0].display_zh == "32.7亿元");
  CHECK(item.more_figures[0].label.zh == "文商旅综合收入");
  CHECK(item.more_figures[0].label.en == "Culture, commerce and tourism income");
  // The 原文 is the report's whole paragraph (its marks full-width, as the reader shows it).
  CHECK(item.original_zh.rfind("——这一年，我们顺势而为，乘势而上", 0) == 0);
  CHECK(item.original_zh.find("累计接待市民游客1660余万人次，文商旅综合收入32.7亿元") != std::string::npos);
  CHECK(item.original_zh.find('\n') == std::string::npos);
  CHECK(fidelity_of(item).empty());
  for (const auto& other : tiny().items) CHECK_MESSAGE(!other.original_zh.empty(), other.id);
}

TEST_CASE("more figures: each is held to the lead figure's rules") {
  auto item = tiny_item("haitang-visitors");
  auto& more = item.more_figures[0];

  auto outside = item;
  outside.more_figures[0].display_zh = "22.5%";
  outside.more_figures[0].value = 22.5;
  outside.more_figures[0].unit_zh = "%";
  outside.more_figures[0].display_en = "22.5%";
  CHECK(has(fidelity_of(outside), "more_figures[1].display: the figure '22.5%' is not inside the item's quote"));

  auto english = item;
  english.more_figures[0].display_en = "327 million yuan";
  CHECK(has(fidelity_of(english),
            "more_figures[1].display_en: the English '327 million yuan' states 327000000, but "
            "'32.7亿元' is 3270000000"));

  auto value = item;
  value.more_figures[0].value = 3.27;
  CHECK(has(fidelity_of(value), "more_figures[1].value: the value 3.27 is not the number of '32.7亿元'"));

  auto label = item;
  label.more_figures[0].label.zh = "文旅综合收入";
  CHECK(has(fidelity_of(label), "more_figures[1].label_zh: the label '文旅综合收入' is not in the report"));

  auto label_number = item;
  label_number.more_figures[0].label.en = "Income from 42 events";
  CHECK(has(fidelity_of(label_number), "more_figures[1].label_en: the English states '42'"));

  auto unlabelled = item;
  unlabelled.more_figures[0].label = {};
  CHECK(has(fidelity_of(unlabelled), "more_figures[1].label_zh: the figure's label is empty"));
  CHECK(has(fidelity_of(unlabelled), "more_figures[1].label_en: the figure's English label is empty"));

  auto original = item;
  original.original_zh = "累计接待市民游客1660余万人次。";
  CHECK(has(fidelity_of(original), "original: the 原文 is not the report's paragraph that holds the quote"));
  (void)more;
}

TEST_CASE("more figures: the builder names the file and line of a figure that departs from the report") {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  fs::copy(kTiny, dir, fs::copy_options::recursive);
  {
    std::ifstream in(dir / "items/culture.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.replace(text.find("display = \"32.7亿元\""), std::string("display = \"32.7亿元\"").size(),
                 "display = \"33.7亿元\"");
    std::ofstream(dir / "items/culture.toml", std::ios::trunc) << text;
  }
  auto read = authoring::read_sources(dir);
  REQUIRE(read.problems.empty());
  std::string problems;
  for (const auto& d : authoring::check_fidelity(read.sources)) problems += d.to_string() + "\n";
  CHECK_MESSAGE(has(problems,
                    "items/culture.toml:23: item 'haitang-visitors' more_figures[1].display: the figure "
                    "'33.7亿元' is not inside the item's quote"),
                problems);
}

TEST_CASE("more figures: the sources refuse them on an item that is not a figure, and unknown keys in them") {
  auto problems = read_problems(R"(
[[item]]
id = "story-with-figures"
kind = "story"
title_zh = "五大道海棠花节"
title_en = "Wudadao Crabapple Blossom Festival"
summary_zh = "获评全国城市文旅品牌创新十佳案例"
summary_en = "Named one of the ten best cases"
body_zh = "坚持突出特色、提升品质。获评全国城市文旅品牌创新十佳案例。"
body_en = "Named one of the ten best cases."
quote = "获评全国城市文旅品牌创新十佳案例"
section_zh = "一、2024年工作回顾"
section_en = "I. Review of work in 2024"

[[item.more_figures]]
display = "32.7亿元"
value = 32.7
unit = "亿元"
qualifier = ""
direction = "total"
display_en = "3.27 billion yuan"
label_zh = "文商旅综合收入"
label_en = "Income"
colour = "gold"
)");
  CHECK_MESSAGE(has(problems, "only items of kind \"figure\" have more figures"), problems);
  auto unknown = read_problems(R"(
[[item]]
id = "figure-with-odd-key"
kind = "figure"
title_zh = "五大道海棠花节"
title_en = "Wudadao Crabapple Blossom Festival"
summary_zh = "文商旅综合收入32.7亿元"
summary_en = "3.27 billion yuan of income"
body_zh = "坚持突出特色、提升品质。文商旅综合收入32.7亿元。"
body_en = "3.27 billion yuan of income."
quote = "文商旅综合收入32.7亿元"
section_zh = "一、2024年工作回顾"
section_en = "I. Review of work in 2024"

[item.figure]
display = "32.7亿元"
value = 32.7
unit = "亿元"
qualifier = ""
direction = "total"
display_en = "3.27 billion yuan"

[[item.more_figures]]
display = "32.7亿元"
value = 32.7
unit = "亿元"
qualifier = ""
direction = "sideways"
display_en = "3.27 billion yuan"
label_en = "Income"
colour = "gold"
)");
  CHECK_MESSAGE(has(unknown, "label_zh: missing"), unknown);
  CHECK_MESSAGE(has(unknown, "direction: must be growth, total or rank"), unknown);
  CHECK_MESSAGE(has(unknown, "colour"), unknown);
}

TEST_CASE("more figures: the bundle reads the figures and the 原文 back") {
  auto bundle = content::Bundle::open(KIOSK_TINY_BUNDLE);
  auto item = bundle.item("haitang-visitors");
  REQUIRE(item);
  REQUIRE(item->more_figures.size() == 1);
  CHECK(item->more_figures[0].display_zh == "32.7亿元");
  CHECK(item->more_figures[0].display_en == "3.27 billion yuan");
  CHECK(item->more_figures[0].label.zh == "文商旅综合收入");
  CHECK(item->original_zh == tiny_item("haitang-visitors").original_zh);
  bool found = false;
  for (const auto& i : bundle.items()) {
    CHECK_MESSAGE(!i.original_zh.empty(), i.id);
    if (i.id == "haitang-visitors")
      found = i.more_figures.size() == 1;
    else
      CHECK(i.more_figures.empty());
  }
  CHECK(found);
}

TEST_CASE("more figures: validation refuses a changed figure, a changed or missing 原文, and a dangling row") {
  ScratchDir dir;
  auto figure = dir.copy_of_tiny("figure.bundle");
  tamper(figure, "UPDATE figure_more SET display_zh = '33.7亿元' WHERE item_id = 'haitang-visitors'");
  CHECK(has(all(content::validate_bundle(figure)),
            "figure_more 'haitang-visitors' 1 display_zh: the figure '33.7亿元' is not inside the item's quote"));

  auto original = dir.copy_of_tiny("original.bundle");
  tamper(original, "UPDATE original SET text_zh = '累计接待市民游客1660余万人次。' WHERE item_id = 'haitang-visitors'");
  CHECK(has(all(content::validate_bundle(original)),
            "original 'haitang-visitors' text_zh: the 原文 is not the report's paragraph that holds the quote"));

  auto missing = dir.copy_of_tiny("missing.bundle");
  tamper(missing, "DELETE FROM original WHERE item_id = 'gdp-growth'");
  CHECK(has(all(content::validate_bundle(missing)), "item 'gdp-growth' has no 原文 (original row)"));

  auto dangling = dir.copy_of_tiny("dangling.bundle");
  tamper(dangling,
         "INSERT INTO figure_more VALUES ('nobody', 1, '32.7亿元', 32.7, '亿元', '', 'total', '3.27 billion yuan', "
         "'文商旅综合收入', 'Income')");
  CHECK(
      has(all(content::validate_bundle(dangling)), "figure_more 'nobody 1' refers to 'nobody', which does not exist"));

  CHECK(content::validate_bundle(dir.copy_of_tiny("intact.bundle")).empty());
}

TEST_CASE("more figures: the font bake and validation's glyph check see every figure and the 原文") {
  auto bundle = content::Bundle::open(KIOSK_TINY_BUNDLE);
  bool display = false, label = false, english = false, original = false;
  content::for_each_shown_text(bundle, [&](content::Role role, std::string_view text, const content::TextPlace& at) {
    if (at.table == "figure_more" && at.column == "display_zh" && role == content::Role::Title && text == "32.7亿元")
      display = true;
    if (at.table == "figure_more" && at.column == "display_en" && role == content::Role::Caption)
      english = text == "3.27 billion yuan";
    if (at.table == "figure_more" && at.column == "label_zh" && text == "文商旅综合收入") label = true;
    if (at.table == "original" && at.row == "haitang-visitors" && role == content::Role::Body)
      original = text.find("文商旅综合收入32.7亿元") != std::string_view::npos;
  });
  CHECK(display);
  CHECK(english);
  CHECK(label);
  CHECK(original);
}
