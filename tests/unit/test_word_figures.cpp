// Issue #16 (7): a figure the report words without digits (近百场, 超百亿元, 全市第一,
// 突破七万元) has a figure's weight: its numerals are drawn by the figure painter at the same
// display size as the digits of 1660余万人次, on the attract loop's slides and on the detail
// pages, in both orientations and text sizes, not at its unit's size.

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "kiosk/text/figure_text.h"
#include "kiosk/ui/layout_log.h"
#include "screen_harness.h"
#include "skip.h"

using kiosk::testing::ScreenHarness;
using kiosk::ui::Role;

namespace {

bool has_digit(const std::string& s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// The size the figure painter drew `numerals` at in the last frame (0: not drawn in a figure's face).
float numeral_size(const ScreenHarness& h, const std::string& numerals) {
  for (const auto& t : h.log().texts())
    if (t.text == numerals && t.font == h.fonts().get(Role::Figure)) return t.size;
  return 0;
}

}  // namespace

TEST_CASE("word figures: their numerals are drawn at the display figure's size, as digits are") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  for (bool portrait : {false, true})
    for (bool large : {false, true}) {
      auto canvas = portrait ? kiosk::ui::Canvas::for_size(1080, 1920) : kiosk::ui::Canvas::for_size(1920, 1080);
      ScreenHarness h(path, canvas, {.large_text = large});
      const std::string combination = std::string(portrait ? "portrait" : "landscape") + (large ? ", large text" : "");
      const float display = h.fonts().size(Role::Figure);
      std::map<std::string, size_t> playlist;
      const auto slides = h.bundle().playlist();
      for (size_t i = 0; i < slides.size(); ++i) playlist[slides[i].item_id] = i;
      size_t words = 0, digits = 0, word_slides = 0;
      for (const auto& cat : h.content().categories()) {
        const auto& items = h.content().summaries(cat.id);
        for (size_t i = 0; i < items.size(); ++i) {
          const auto* item = h.content().item(items[i].id);
          if (!item || !item->figure) continue;
          const std::string& zh = item->figure->display_zh;
          std::string numerals = kiosk::text::split_figure(zh).number;
          INFO(items[i].id << " '" << zh << "', " << combination);
          REQUIRE_FALSE(numerals.empty());  // every figure of the report has digits or Chinese numerals
          (has_digit(zh) ? digits : words)++;

          kiosk::controller::FrameModel detail;
          detail.scene = kiosk::show::Scene::Detail;
          detail.category = cat.id;
          detail.item = items[i].id;
          detail.item_position = static_cast<int>(i);
          detail.item_count = static_cast<int>(items.size());
          h.draw(detail);
          CHECK_MESSAGE(numeral_size(h, numerals) == display, "detail page: '" << numerals << "'");

          auto slide = playlist.find(items[i].id);
          if (slide == playlist.end()) continue;
          kiosk::controller::FrameModel attract;
          attract.scene = kiosk::show::Scene::Attract;
          attract.attract.has_slide = true;
          attract.attract.current = items[i].id;
          attract.attract.time_in_slide = 8;
          attract.attract.transition = 1;
          attract.attract.position = slide->second;
          attract.attract.count = slides.size();
          h.draw(attract);
          CHECK_MESSAGE(numeral_size(h, numerals) == display, "attract slide: '" << numerals << "'");
          if (!has_digit(zh)) ++word_slides;
        }
      }
      // The report words several of its figures so, and the loop shows some of them.
      CHECK(words >= 4);
      CHECK(digits >= 30);
      CHECK(word_slides >= 1);
    }
}
