// Every figure the report states is on some screen: each number of the review, with its
// unit or qualifier, stands in some item's figure, title, summary or body of the report
// bundle (the 原文, which repeats the report whole, does not count). Dates and section
// numbers are not figures: the sections are numbered in Chinese numerals, and a year or
// a day is left out below.

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/content/fidelity.h"
#include "kiosk/content/source_document.h"
#include "kiosk/text/utf8.h"
#include "skip.h"

using namespace kiosk;

namespace {

bool digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
bool han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
}

// Each number of `text` with what the report says with it: a qualifier before it (超, 近,
// 突破, 超过), its scale and qualifier after it (余, 多, 万, 亿, %, 以上), and the
// first character of its unit (公里, 家, 人次 ...). "2024年", "1月" and "8日" are dates;
// a number inside a name (PM2.5) is no figure.
std::vector<std::string> figures_of(std::string_view report) {
  auto cps = text::decode(content::FidelityCheck::normalise(report));
  std::vector<std::string> out;
  for (size_t i = 0; i < cps.size();) {
    if (!digit(cps[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    bool in_name = start > 0 && cps[start - 1] < 0x80 && std::isalpha(static_cast<int>(cps[start - 1]));
    while (i < cps.size() && (digit(cps[i]) || (cps[i] == U'.' && i + 1 < cps.size() && digit(cps[i + 1])))) ++i;
    size_t end = i;
    while (end < cps.size() && std::u32string_view(U"余多万亿%").find(cps[end]) != std::u32string_view::npos) ++end;
    if (end + 1 < cps.size() && cps[end] == U'以' && cps[end + 1] == U'上') end += 2;
    bool date =
        end < cps.size() && std::u32string_view(U"年月日").find(cps[end]) != std::u32string_view::npos && end == i;
    if (end < cps.size() && han(cps[end])) ++end;  // the unit's first character
    size_t from = start;
    if (from > 0 && (cps[from - 1] == U'超' || cps[from - 1] == U'近')) --from;
    if (from > 1 &&
        ((cps[from - 2] == U'突' && cps[from - 1] == U'破') || (cps[from - 2] == U'超' && cps[from - 1] == U'过')))
      from -= 2;
    if (!in_name && !date) {
      std::string figure;
      for (size_t j = from; j < end; ++j) figure += text::encode(cps[j]);
      out.push_back(figure);
    }
  }
  return out;
}

// The report's figures that none of `shown` holds.
std::set<std::string> missing(const std::vector<std::string>& figures, const std::vector<std::string>& shown) {
  std::set<std::string> out;
  for (const auto& figure : figures) {
    bool found = false;
    for (const auto& text : shown)
      if (content::FidelityCheck::normalise(text).find(figure) != std::string::npos) {
        found = true;
        break;
      }
    if (!found) out.insert(figure);
  }
  return out;
}

// What the item's screens show of it in Chinese: its figures, title, summary and body.
std::vector<std::string> screen_texts(const content::Item& item) {
  std::vector<std::string> out = {item.title.zh, item.summary.zh, item.body.zh};
  if (item.figure) out.push_back(item.figure->display_zh);
  for (const auto& f : item.more_figures) out.insert(out.end(), {f.display_zh, f.label.zh});
  return out;
}

}  // namespace

TEST_CASE("report coverage: the figure finder reads a number with its qualifier and unit, and skips dates") {
  auto found = figures_of(
      "预计全年地区生产总值增长5%以上、累计接待市民游客1660余万人次,全年落地优质项目超2000个,"
      "营收规模突破百亿元,人民调解成功案件超过9000件。2024年1月8日,PM2.5平均浓度降至36.97微克/立方米");
  CHECK(found == std::vector<std::string>{"5%以上", "1660余万人", "超2000个", "超过9000件", "36.97微"});
}

TEST_CASE("report coverage: every figure of the review is on some screen of the report bundle") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  auto bundle = content::Bundle::open(path);
  auto document = bundle.source_document();
  REQUIRE(document);
  auto figures = figures_of(content::report_text(*document));
  CHECK(figures.size() >= 65);  // the review states 71 (2026-12)

  auto items = bundle.items();
  std::vector<std::string> shown;
  std::map<std::string, std::vector<std::string>> by_item;
  for (const auto& item : items) {
    by_item[item.id] = screen_texts(item);
    shown.insert(shown.end(), by_item[item.id].begin(), by_item[item.id].end());
  }
  for (const auto& figure : missing(figures, shown)) FAIL_CHECK("no screen shows '" << figure << "'");

  // The check is not idle: without the public-infrastructure item, its figures go missing.
  std::vector<std::string> without;
  for (const auto& [id, texts] : by_item)
    if (id != "drainage-pipes") without.insert(without.end(), texts.begin(), texts.end());
  auto lost = missing(figures, without);
  CHECK(lost.count("12.1公"));
  CHECK(lost.count("71处"));
  CHECK(lost.count("6.77公"));
  CHECK(lost.count("19座"));
}
