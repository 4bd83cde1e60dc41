// Fidelity of the content to the source document (the report, in the content sources:
// db/content/source/report.txt): the shipped content passes the builder's own check, and
// the check itself tells each kind of departure from the report apart from faithful text.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "bundle_fixture.h"
#include "kiosk/authoring/builder.h"
#include "kiosk/authoring/fidelity.h"
#include "kiosk/authoring/sources.h"
#include "kiosk/content/fidelity.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/validate.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const fs::path kContent = fs::path(KIOSK_SOURCE_DIR) / "db/content";

const authoring::Sources& report_content() {
  static const authoring::ReadResult result = authoring::read_sources(kContent);
  return result.sources;
}

const content::FidelityCheck& check() {
  static const content::FidelityCheck check(report_content().document);
  return check;
}

// A figure item as the sources would give it, worded by the report unless a test says otherwise.
content::Item gdp() {
  content::Item item;
  item.id = "gdp-growth";
  item.kind = content::ItemKind::Figure;
  item.title = {"地区生产总值增长", "GDP growth"};
  item.summary = {"预计全年地区生产总值增长5%以上、位居全市前列", "GDP grew by over 5%"};
  item.body = {"预计全年地区生产总值增长5%以上、位居全市前列。一般公共预算收入增长13.4%", ""};
  item.quote_zh = "预计全年地区生产总值增长5%以上、位居全市前列";
  item.figure = content::Figure{"5%以上", 5, "%", "以上", "growth", "over 5%", {}};
  return item;
}

std::string problems_of(const content::Item& item) {
  std::string out;
  for (const auto& p : check().check(item)) out += p.field + ": " + p.reason + " | " + p.nearest + "\n";
  return out;
}

bool has(const std::string& all, const std::string& part) {
  return all.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("fidelity: the content sources read without problems") {
  auto result = authoring::read_sources(kContent);
  for (const auto& p : result.problems) FAIL_CHECK(p.to_string());
  CHECK(result.sources.items.size() >= 80);
}

TEST_CASE("fidelity: the sources carry the report the content is drawn from") {
  const auto& doc = report_content().document;
  // The sha256 of the report as published (shared/report/README.md describes it).
  CHECK(doc.sha256 == "383716b6947c31f759fb9f75031a6f7cc7debd63bd62e94588627f1c0d4ce12f");
  CHECK(content::sha256_file_hex(kContent / "source/report.txt") == doc.sha256);
  auto report = content::report_text(doc);
  CHECK(report.rfind("(天津市)天津市和平区人民政府工作报告", 0) == 0);
  CHECK(report.size() > 10000);
  CHECK(report.substr(report.size() - std::string("绝不辜负党和人民的期待!").size()) == "绝不辜负党和人民的期待!");
}

TEST_CASE("fidelity: the content covers the whole review of 2024") {
  int figures = 0, projects = 0, landmarks = 0;
  for (const auto& item : report_content().items) {
    // Every figure counts, the lead one and those the report gives with it.
    if (item.kind == content::ItemKind::Figure) figures += 1 + static_cast<int>(item.more_figures.size());
    projects += item.kind == content::ItemKind::Project;
    landmarks += item.kind == content::ItemKind::Landmark;
  }
  CHECK(figures >= 50);
  CHECK(projects >= 5);
  CHECK(landmarks >= 10);
  for (const auto& item : report_content().items)
    if (item.kind == content::ItemKind::Project || item.kind == content::ItemKind::Landmark)
      CHECK_MESSAGE(!item.image_id.empty(), item.id << " has no image");
}

TEST_CASE("fidelity: the shipped content passes the builder's check") {
  for (const auto& d : authoring::check_fidelity(report_content())) FAIL_CHECK(d.to_string());
  int checked = 0;
  for (const auto& item : report_content().items)
    checked += static_cast<int>(item.figure.has_value()) + static_cast<int>(item.more_figures.size());
  CHECK(checked >= 50);
}

TEST_CASE("fidelity: a faithful item passes, and a full-width mark equals its ASCII twin") {
  CHECK(problems_of(gdp()) == "");
  auto item = gdp();
  // The report has "增长5%以上、位居全市前列,一般公共预算收入": the comma is ASCII there.
  item.quote_zh = "预计全年地区生产总值增长5%以上、位居全市前列，一般公共预算收入增长13.4%";
  item.summary.zh = "预计全年地区生产总值增长5%以上、位居全市前列,一般公共预算收入增长13.4%";
  CHECK(problems_of(item) == "");
  CHECK(check().in_report("各位代表："));
  CHECK(check().in_report("（一）全力以赴强产业、壮集群，发展基础更加坚实"));
}

TEST_CASE("fidelity: other departures from the report are not loosened") {
  CHECK_FALSE(check().in_report("预计全年地区生产总值增长5% 以上"));              // a space added
  CHECK_FALSE(check().in_report("预计全年地区生产总值增长5%以上,位居全市前列"));  // 、 is not a twin of ,
  CHECK_FALSE(check().in_report("预计全年地区生产总值增长5％以上"));              // nor ％ of %
  CHECK_FALSE(check().in_report("累计接待市民游客1660万人次"));                   // the qualifier dropped
  CHECK(check().in_report("累计接待市民游客1660余万人次，文商旅综合收入32.7亿元"));
}

TEST_CASE("fidelity: a figure the report does not state is refused, with the report's passage") {
  auto item = gdp();
  item.figure->display_zh = "6%以上";
  item.figure->value = 6;
  item.figure->display_en = "over 6%";
  auto p = problems_of(item);
  CHECK(has(p, "figure.display: the figure '6%以上' is not inside the item's quote"));
  CHECK(has(p, "| line 21: '主要指标均衡增长、持续向好,预计全年地区生产总值增长5%以上"));
}

TEST_CASE("fidelity: a figure the report states, but not in the item's quote, is refused") {
  auto item = gdp();
  item.figure = content::Figure{"13.4%", 13.4, "%", "", "growth", "13.4%", {}};
  CHECK(check().in_report("13.4%"));
  CHECK(has(problems_of(item), "figure.display: the figure '13.4%' is not inside the item's quote"));
}

TEST_CASE("fidelity: a made-up summary and a body sentence not in the report are refused") {
  auto item = gdp();
  item.summary.zh = "地区生产总值大幅增长、位居全国第一";
  item.body.zh = "预计全年地区生产总值增长5%以上、位居全市前列。全区经济实现历史性跨越。";
  auto p = problems_of(item);
  CHECK(has(p, "summary_zh: the summary '地区生产总值大幅增长、位居全国第一' is not in the report | line "));
  CHECK(has(p, "body_zh: the sentence '全区经济实现历史性跨越' is not in the report"));
  CHECK_FALSE(has(p, "body_zh: the sentence '预计"));
}

TEST_CASE("fidelity: the figure's value, qualifier, unit and English must agree with the report's wording") {
  auto item = gdp();
  item.figure->value = 6;
  CHECK(has(problems_of(item), "figure.value: the value 6 is not the number of '5%以上'"));
  CHECK_FALSE(has(problems_of(item), "figure.display_en"));  // one mistake, one message: the English is right
  item = gdp();
  item.figure->display_en = "over 6%";
  CHECK(has(problems_of(item), "figure.display_en: the English 'over 6%' states 6, but '5%以上' is 5"));
  item = gdp();
  item.figure->display_en = "5%";
  CHECK(has(problems_of(item), "figure.display_en: the English '5%' drops the qualifier '以上'"));
  item = gdp();
  item.figure->display_zh = "5%";
  CHECK(has(problems_of(item), "figure.qualifier: the qualifier '以上' is not in the figure '5%'"));
  item = gdp();
  item.figure->unit_zh = "万元";
  CHECK(has(problems_of(item), "figure.unit: the unit '万元' is not in the figure '5%以上'"));
  // 1660余万人次 is 16.6 million, not 1.66 million.
  content::Item visits;
  visits.id = "visits";
  visits.title = {"接待市民游客", "Visits"};
  visits.quote_zh = visits.summary.zh = "累计接待市民游客1660余万人次";
  visits.figure = content::Figure{"1660余万人次", 1660, "万人次", "余", "total", "over 1.66 million visits", {}};
  CHECK(has(problems_of(visits), "states 1660000, but '1660余万人次' is 16600000"));
  visits.figure->display_en = "over 16.6 million visits";
  CHECK(problems_of(visits) == "");
}

TEST_CASE("fidelity: a title is a passage of the report, whole: true parts joined are not") {
  auto item = gdp();
  for (const char* title : {"大理道、泰安道", "“雏鹰”“瞪羚”“领军”企业", "增速全市第一"}) {
    item.title.zh = title;
    CHECK_MESSAGE(problems_of(item) == "", title);
  }
  item.title.zh = "地区生产总值下降";
  CHECK(has(problems_of(item), "title_zh: the title '地区生产总值下降' is not in the report | line 21: "));
  // Both parts are the report's, but 全市第一 is said of tax revenue, not of GDP.
  item.title.zh = "地区生产总值、全市第一";
  CHECK(has(problems_of(item), "title_zh: the title '地区生产总值、全市第一' is not in the report"));
  item.title.zh = "";
  CHECK(has(problems_of(item), "title_zh: the title is empty"));
}

TEST_CASE("fidelity: the English states no number that the item's Chinese does not") {
  auto item = gdp();
  item.summary.en = "GDP grew by over 6% in 2024";
  item.section = {"一、2024年工作回顾", "I. Review of work in 2024"};
  auto p = problems_of(item);
  CHECK(has(p, "summary_en: the English states '6', a number the item's Chinese does not state"));
  CHECK_FALSE(has(p, "'2024'"));
  CHECK_FALSE(has(p, "section_en"));
  item = gdp();
  item.title.en = "GDP growth, top 3 in Tianjin";
  CHECK(has(problems_of(item), "title_en: the English states '3'"));
  item = gdp();
  item.body.en = "Budget revenue grew by 13.4%, and by 14.3% too";
  CHECK(has(problems_of(item), "body_en: the English states '14.3'"));
  CHECK_FALSE(has(problems_of(item), "'13.4'"));
  item.body.en = "Budget revenue grew by -13.4% (-5% in all), in 2024-2025";
  CHECK(has(problems_of(item), "body_en: the English states '-13.4'"));
  CHECK(has(problems_of(item), "body_en: the English states '-5'"));
  CHECK_FALSE(has(problems_of(item), "'-2025'"));
  // Magnitudes and Chinese numerals are read as the numbers they are.
  content::Item income;
  income.id = "income";
  income.title = {"居民人均可支配收入", "Income"};
  income.quote_zh = income.summary.zh = "居民人均可支配收入突破七万元、保持全市领先";
  income.summary.en = "Per-capita disposable income passed 70,000 yuan";
  income.body.en = "Income passed 70 thousand yuan; 1660余万 is not stated here, so 16.6 million is refused";
  p = problems_of(income);
  CHECK_FALSE(has(p, "'70,000'"));
  CHECK_FALSE(has(p, "'70 thousand'"));
  CHECK(has(p, "body_en: the English states '16.6 million'"));
  income.body.zh = "累计接待市民游客1660余万人次";
  CHECK(problems_of(income).find("16.6 million") == std::string::npos);
}

TEST_CASE("fidelity: the English section has the Chinese section's number and kind") {
  auto item = gdp();
  item.section = {"一、2024年工作回顾", "I. Review of work in 2024"};
  CHECK_FALSE(has(problems_of(item), "section_en"));
  item.section.en = "II. Review of work in 2024";
  CHECK(
      has(problems_of(item), "section_en: 'II. Review of work in 2024' is part 2, but '一、2024年工作回顾' is part 1"));
  item.section.en = "(1) Review of work in 2024";
  CHECK(has(problems_of(item), "is subsection 1, but '一、2024年工作回顾' is part 1"));
  item.section.en = "Review of work in 2024";
  CHECK(has(problems_of(item), "is no number, but"));
  item.section = {"（十四）全力以赴强产业", "(14) Going all out to strengthen industries"};
  CHECK_FALSE(has(problems_of(item), "section_en"));
  item.section = {"（二十）全力以赴强产业", "(XX) Going all out"};
  CHECK(has(problems_of(item), "is no number, but '（二十）全力以赴强产业' is subsection 20"));
  item.section = {"（九）全力以赴强产业", "IX. Going all out"};
  CHECK(has(problems_of(item), "is part 9, but '（九）全力以赴强产业' is subsection 9"));
  item.section = {"", ""};
  CHECK_FALSE(has(problems_of(item), "section_en"));
}

TEST_CASE("fidelity: a number the English writes in words is held to the Chinese like one in digits") {
  auto item = gdp();
  item.title.en = "GDP growth of nine percent";
  CHECK(has(problems_of(item), "title_en: the English states 'nine', a number the item's Chinese does not state"));
  item = gdp();
  item.body.en = "Budget revenue grew by thirteen point four percent, by twenty-five in all";
  CHECK(has(problems_of(item), "body_en: the English states 'thirteen'"));
  CHECK(has(problems_of(item), "body_en: the English states 'twenty-five'"));
  content::Item income;
  income.id = "income";
  income.title = {"居民人均可支配收入", "Income"};
  income.quote_zh = income.summary.zh = "居民人均可支配收入突破七万元、保持全市领先";
  income.summary.en = "Income passed seventy thousand yuan, one of the highest, five-fold";
  auto p = problems_of(income);
  CHECK_FALSE(has(p, "'seventy thousand'"));
  CHECK_FALSE(has(p, "'one'"));
  CHECK(has(p, "summary_en: the English states 'five'"));
  income.summary.en = "a hundred-billion-yuan cluster";
  CHECK(has(problems_of(income), "summary_en: the English states 'hundred-billion'"));
  income.summary.zh = "千亿级商圈";
  CHECK_FALSE(has(problems_of(income), "summary_en"));
}

TEST_CASE("fidelity: the web page around the report is neither a quote nor any other text") {
  auto item = gdp();
  item.quote_zh = "导航菜单";
  CHECK(has(problems_of(item), "quote: the quote '导航菜单' is not in the report"));
  for (const char* mark : {"导航菜单", "本文仅代表作者观点", "不代表本站立场", "本文地址", "/baogao/hb/11707.html",
                           "留言与评论", "验证码", "凡注明为博县网原创作品的"})
    CHECK_MESSAGE(!check().wrapper_in(std::string("前言") + mark).empty(), mark);
  CHECK(has(check().wrapper_in("本站立场"), "'本站立场' (source line 53)"));
  // Words the web page shares with the report, or that are too short to mark it, are free.
  for (const char* text : {"和平区政府工作报告（测试）", "和平区人民政府工作报告", "Heping District", "117,000 people"})
    CHECK_MESSAGE(check().wrapper_in(text).empty(), text);
}

TEST_CASE("fidelity: the builder names the file, the line, the item and the nearest passage") {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  fs::copy(fs::path(KIOSK_SOURCE_DIR) / "tests/data/tiny", dir, fs::copy_options::recursive);
  auto path = dir / "items/highlights.toml";
  std::ifstream in(path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto at = text.find("display = \"5%以上\"");
  REQUIRE(at != std::string::npos);
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  text.replace(at, std::string("display = \"5%以上\"").size(), "display = \"6%以上\"");
  std::ofstream(path, std::ios::trunc) << text;

  auto read = authoring::read_sources(dir);
  REQUIRE(read.problems.empty());
  auto problems = authoring::check_fidelity(read.sources);
  REQUIRE(problems.size() >= 1);
  auto first = problems.front().to_string();
  CHECK(has(first, "items/highlights.toml:" + std::to_string(line) +
                       ": item 'gdp-growth' figure.display: the figure "
                       "'6%以上' is not inside the item's quote"));
  CHECK(has(first, "nearest in source/report.txt, line 21: '"));

  auto output = scratch.path / "out.bundle";
  auto result = authoring::build_bundle(dir, output);
  CHECK_FALSE(result.problems.empty());
  CHECK_FALSE(fs::exists(output));
}

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<uint8_t> bytes_of(const std::string& text) {
  return {text.begin(), text.end()};
}

void replace_all(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = read_text(path);
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("fidelity: a report forged along with its checksum validates only until the report is pinned") {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  fs::copy(fs::path(KIOSK_SOURCE_DIR) / "tests/data/tiny", dir, fs::copy_options::recursive);
  std::string genuine = content::sha256_hex(bytes_of(read_text(dir / "source/report.txt")));
  // The attacker's report says 6%, the content agrees with it, and bundle.toml records its sum.
  replace_all(dir / "source/report.txt", "5%以上", "6%以上");
  replace_all(dir / "items/highlights.toml", "5%以上", "6%以上");
  replace_all(dir / "items/highlights.toml", "over 5%", "over 6%");
  replace_all(dir / "items/highlights.toml", "value = 5.0", "value = 6.0");
  std::string forged = content::sha256_hex(bytes_of(read_text(dir / "source/report.txt")));
  replace_all(dir / "bundle.toml", genuine, forged);
  auto output = scratch.path / "forged.bundle";
  auto built = authoring::build_bundle(dir, output);
  REQUIRE_MESSAGE(built.problems.empty(), built.problems.front().to_string());

  CHECK(content::validate_bundle(output).empty());
  auto pinned = content::validate_bundle(output, {}, genuine);
  REQUIRE(pinned.size() == 1);
  CHECK(has(pinned[0], "source document: the report it carries has sha256 " + forged + ", not " + genuine));
  CHECK(content::validate_bundle(KIOSK_TINY_BUNDLE, {}, genuine).empty());
}
