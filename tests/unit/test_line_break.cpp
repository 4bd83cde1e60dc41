#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kiosk/text/line_break.h"
#include "kiosk/text/utf8.h"

using namespace kiosk::text;

namespace {

// A monospaced model of a CJK font: ideographs and full-width marks 1 em, Latin half.
float advance(char32_t c) {
  return c < 0x2E80 ? 0.5f : 1.0f;
}

std::vector<std::string> wrap(const std::string& text, float width, int max_lines = 0) {
  LayoutOptions options;
  options.max_width = width;
  options.max_lines = max_lines;
  std::vector<std::string> out;
  for (const auto& line : break_lines(text, advance, options))
    out.push_back(text.substr(line.begin, line.end - line.begin) + (line.ellipsis ? "…" : ""));
  return out;
}

bool starts_with_any(const std::string& s, std::initializer_list<const char*> marks) {
  for (const char* m : marks)
    if (s.rfind(m, 0) == 0) return true;
  return false;
}

bool ends_with_any(const std::string& s, std::initializer_list<const char*> marks) {
  for (const char* m : marks) {
    std::string mark(m);
    if (s.size() >= mark.size() && s.compare(s.size() - mark.size(), mark.size(), mark) == 0) return true;
  }
  return false;
}

const char* kSentences[] = {
    "预计全年地区生产总值增长5%以上、位居全市前列，一般公共预算收入增长13.4%，税收收入增长22.5%、增速全市第一，"
    "固定资产投资增长10%以上、连续四年保持高位增长，居民人均可支配收入突破七万元、保持全市领先。",
    "全域联动打造“五大道海棠花节”2.0版本，累计接待市民游客1660余万人次，文商旅综合收入32.7亿元，"
    "成功将文旅流量转化为经济增量，获评全国城市文旅品牌创新十佳案例。",
    "PM2.5平均浓度降至36.97微克/立方米，空气质量优良天数248天、同比增加30天，完成海河、津河18个排水口溯源排查，"
    "土壤安全利用率保持100%。",
    "构建“1+N”残疾人康复服务体系，5000余人次受益。开展文化惠民活动近300场，区图书馆获评“国家一级图书馆”。",
};

}  // namespace

TEST_CASE("line break: no line of a report sentence is wider than the box, at any width") {
  for (const char* sentence : kSentences) {
    for (float width = 6; width <= 34; width += 1) {
      LayoutOptions options;
      options.max_width = width;
      for (const auto& line : break_lines(sentence, advance, options)) CHECK(line.width <= width);
    }
  }
}

TEST_CASE("line break: closing punctuation never starts a line, opening never ends one") {
  for (const char* sentence : kSentences) {
    for (float width = 6; width <= 34; width += 1) {
      auto lines = wrap(sentence, width);
      for (size_t i = 0; i < lines.size(); ++i) {
        INFO("width " << width << " line " << i << ": " << lines[i]);
        if (i > 0)
          CHECK_FALSE(starts_with_any(lines[i], {"，", "。", "、", "；", "：", "？", "！", "）", "”", "》", "%"}));
        CHECK_FALSE(ends_with_any(lines[i], {"（", "“", "《"}));
      }
    }
  }
}

TEST_CASE("line break: a figure and its unit stay on one line") {
  for (const char* sentence : kSentences) {
    for (float width = 8; width <= 34; width += 1) {
      std::string joined;
      for (const auto& line : wrap(sentence, width)) joined += line + "|";
      INFO("width " << width << ": " << joined);
      for (const char* figure :
           {"32.7亿元", "5%以上", "36.97微克/立方米", "1660余万人次", "22.5%", "248天", "5000余人次", "13.4%"}) {
        float figure_width = 1;  // room for the mark that may follow it
        for (char32_t c : decode(figure)) figure_width += advance(c);
        bool fits = figure_width <= width;  // a figure wider than the box must be split somewhere
        if (fits && std::string(sentence).find(figure) != std::string::npos)
          CHECK(joined.find(figure) != std::string::npos);
      }
    }
  }
}

TEST_CASE("line break: ICU itself would split a figure from its unit, which is why the rule exists") {
  std::string text = "文商旅综合收入32.7亿元";
  auto breaks = icu_break_offsets(text);
  size_t unit = text.find("亿元");
  CHECK(std::find(breaks.begin(), breaks.end(), unit) != breaks.end());
}

TEST_CASE("line break: caller phrases such as 突破七万元 are kept whole") {
  std::string text = "居民人均可支配收入突破七万元、保持全市领先。";
  LayoutOptions options;
  options.max_width = 11;
  options.keep_together = {"突破七万元"};
  std::string joined;
  for (const auto& line : break_lines(text, advance, options))
    joined += text.substr(line.begin, line.end - line.begin) + "|";
  CHECK(joined.find("突破七万元") != std::string::npos);
}

TEST_CASE("line break: mixed Chinese and English breaks English only between words") {
  auto lines = wrap("获评全国城市文旅品牌创新十佳案例 Wudadao Crabapple Blossom Festival version 2.0", 14);
  for (const auto& line : lines) {
    INFO(line);
    bool split_word = line.find("Crabap") != std::string::npos && line.find("Crabapple") == std::string::npos;
    CHECK_FALSE(split_word);
    CHECK(line.front() != ' ');
    CHECK(line.back() != ' ');
  }
  auto en = wrap("Over 16.6 million visits from residents and tourists", 5);
  CHECK(en == std::vector<std::string>{"Over 16.6", "million", "visits", "from", "residents", "and", "tourists"});
}

TEST_CASE("line break: hard line breaks are kept") {
  CHECK(wrap("第一行\n第二行", 20) == std::vector<std::string>{"第一行", "第二行"});
}

TEST_CASE("line break: text beyond the line limit ends with an ellipsis, never mid-glyph") {
  auto lines = wrap(kSentences[0], 10, 2);
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].size() > 3);
  CHECK(lines[1].substr(lines[1].size() - 3) == "…");
  for (const auto& line : lines) CHECK_FALSE(find_invalid(line).has_value());
}

TEST_CASE("line break: an unbreakable run wider than the box is split between glyphs") {
  auto lines = wrap("1234567890123456789012345678901234567890", 5);
  CHECK(lines.size() == 4);
  for (const auto& line : lines) CHECK(line.size() == 10);
}

TEST_CASE("line break: empty and invalid input do not crash") {
  CHECK(wrap("", 10).size() == 1);
  auto lines = wrap("和平\xFF\xFE区\xE5", 1);
  CHECK(lines.size() >= 3);
}
