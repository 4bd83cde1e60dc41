// Fidelity of the shipped content to the report (shared/report/README.md): every quote is
// the report's own text, every figure is worded as the report words it, every English
// figure states the same number, and no web-page chrome reaches the screen.

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "kiosk/authoring/sources.h"

using namespace kiosk;

namespace {

// A full-width mark and its ASCII twin count as the same character; nothing else is loosened.
std::string normalise(std::string text) {
  static const std::pair<const char*, const char*> twins[] = {{"，", ","}, {"：", ":"}, {"；", ";"}, {"！", "!"},
                                                              {"（", "("}, {"）", ")"}, {"？", "?"}};
  for (const auto& [wide, narrow] : twins)
    for (size_t at = text.find(wide); at != std::string::npos; at = text.find(wide, at))
      text.replace(at, std::string(wide).size(), narrow);
  return text;
}

// The report's own text: after the web page's first line, up to the closing sentence.
const std::string& report() {
  static const std::string text = [] {
    std::ifstream in(KIOSK_REPORT_FILE);
    REQUIRE_MESSAGE(in.good(), "cannot read " KIOSK_REPORT_FILE);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string all = buffer.str();
    const std::string last = "绝不辜负党和人民的期待!";
    auto start = all.find('\n');
    auto end = all.find(last);
    REQUIRE(end != std::string::npos);
    return normalise(all.substr(start, end + last.size() - start));
  }();
  return text;
}

bool in_report(const std::string& text) {
  return report().find(normalise(text)) != std::string::npos;
}

const authoring::Sources& report_content() {
  static const authoring::ReadResult result = authoring::read_sources(std::string(KIOSK_SOURCE_DIR) + "/db/content");
  return result.sources;
}

double magnitude_zh(const std::string& unit) {
  if (unit.rfind("万", 0) == 0) return 1e4;
  if (unit.rfind("亿", 0) == 0) return 1e8;
  return 1;
}

// The number an English rendering states: "over 16.6 million visits" -> 16600000.
std::optional<double> value_en(const std::string& text) {
  static const std::regex number(R"(([0-9][0-9,]*(\.[0-9]+)?)(\s*(thousand|million|billion))?)");
  std::smatch m;
  if (!std::regex_search(text, m, number)) return std::nullopt;
  std::string digits = m[1].str();
  digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
  double value = std::stod(digits);
  std::string word = m[4].str();
  if (word == "thousand") value *= 1e3;
  if (word == "million") value *= 1e6;
  if (word == "billion") value *= 1e9;
  return value;
}

}  // namespace

TEST_CASE("fidelity: the content sources read without problems") {
  auto result = authoring::read_sources(std::string(KIOSK_SOURCE_DIR) + "/db/content");
  for (const auto& p : result.problems) FAIL_CHECK(p.to_string());
  CHECK(result.sources.items.size() >= 80);
}

TEST_CASE("fidelity: the content covers the whole review of 2024") {
  int figures = 0, projects = 0, landmarks = 0;
  for (const auto& item : report_content().items) {
    figures += item.kind == content::ItemKind::Figure;
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

TEST_CASE("fidelity: every quote, summary and body sentence is the report's own text") {
  for (const auto& item : report_content().items) {
    INFO(item.id);
    CHECK_MESSAGE(in_report(item.quote_zh), "quote: " << item.quote_zh);
    CHECK_MESSAGE(in_report(item.summary.zh), "summary: " << item.summary.zh);
    std::string body = item.body.zh;
    for (size_t start = 0; start < body.size();) {
      size_t end = body.find("。", start);
      std::string sentence = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!sentence.empty()) CHECK_MESSAGE(in_report(sentence), "body sentence: " << sentence);
      if (end == std::string::npos) break;
      start = end + std::string("。").size();
    }
  }
}

TEST_CASE("fidelity: a figure is worded as the report words it, inside its own quote") {
  for (const auto& item : report_content().items) {
    if (!item.figure) continue;
    INFO(item.id << ": " << item.figure->display_zh);
    CHECK(normalise(item.quote_zh).find(normalise(item.figure->display_zh)) != std::string::npos);
    CHECK(item.figure->display_zh.find(item.figure->qualifier) != std::string::npos);
    CHECK(item.figure->display_zh.find(item.figure->unit_zh) != std::string::npos);
  }
}

TEST_CASE("fidelity: a figure's English rendering states the same number and keeps its qualifier") {
  for (const auto& item : report_content().items) {
    if (!item.figure) continue;
    const auto& f = *item.figure;
    INFO(item.id << ": " << f.display_zh << " / " << f.display_en);
    auto en = value_en(f.display_en);
    REQUIRE(en.has_value());
    CHECK(*en == doctest::Approx(f.value * magnitude_zh(f.unit_zh)).epsilon(1e-9));
    const std::string& q = f.qualifier;
    if (q == "余" || q == "超" || q == "以上" || q == "突破" || q == "多")
      CHECK(std::regex_search(f.display_en, std::regex("over|more than|above|exceed")));
    if (q == "近") CHECK(std::regex_search(f.display_en, std::regex("nearly|almost|close to")));
  }
}

TEST_CASE("fidelity: the check itself tells a wrong English figure and a made-up quote apart") {
  CHECK(value_en("over 16.6 million visits") == doctest::Approx(1660 * magnitude_zh("万人次")));
  CHECK(value_en("over 1.66 million visits") != doctest::Approx(1660 * magnitude_zh("万人次")));
  CHECK(value_en("3.27 billion yuan") == doctest::Approx(32.7 * magnitude_zh("亿元")));
  CHECK(in_report("累计接待市民游客1660余万人次，文商旅综合收入32.7亿元"));
  CHECK_FALSE(in_report("累计接待市民游客1660万人次"));
  CHECK_FALSE(in_report("导航菜单"));  // the web page's chrome is not report text
}

TEST_CASE("fidelity: no text of the bundle carries the web page's chrome") {
  const char* chrome[] = {"导航菜单", "本文仅代表作者观点", "本站立场",   "博县网",
                          "本文地址", "/baogao/",           "留言与评论", "验证码"};
  for (const auto& text : authoring::all_texts(report_content()))
    for (const char* mark : chrome) CHECK_MESSAGE(text.find(mark) == std::string::npos, text);
}
