// The reader's layout with the tiny bundle's fonts and report: in both languages, both
// orientations and both text sizes every section label, section heading and the heading
// of the page show in full, with no "…", and the index keeps clear of the text.

#include <doctest/doctest.h>

#include <string>

#include "kiosk/content/bundle.h"
#include "kiosk/content/source_document.h"
#include "kiosk/ui/kiosk_screen.h"
#include "kiosk/ui/report_layout.h"

using namespace kiosk;

namespace {

struct Baked {
  ImFontAtlas atlas;
  ui::Fonts fonts;
};

void bake(Baked& baked, content::Bundle& bundle, bool large) {
  std::string error;
  REQUIRE(baked.fonts.build(baked.atlas, *bundle.font("regular"), *bundle.font("bold"), ui::screen_glyph_needs(bundle),
                            1, large, error));
}

ui::UiStrings strings_of(content::Bundle& bundle) {
  ui::UiStrings strings;
  for (const auto& s : bundle.ui_strings()) strings[s.key] = s.text;
  return strings;
}

bool overlaps(const ui::Rect& a, const ui::Rect& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

}  // namespace

TEST_CASE("reader layout: nothing clipped in zh and en, landscape and portrait, normal and large text") {
  auto bundle = content::Bundle::open(KIOSK_TINY_BUNDLE);
  auto sections = content::shown_report(*bundle.source_document()).sections;
  REQUIRE(sections.size() == 11);
  auto strings = strings_of(bundle);
  for (bool large : {false, true}) {
    Baked baked;
    bake(baked, bundle, large);
    auto styles = ui::reader_styles(baked.fonts);
    for (auto lang : {text::Lang::Zh, text::Lang::En})
      for (bool portrait : {false, true}) {
        auto canvas = portrait ? ui::Canvas::for_size(1080, 1920) : ui::Canvas::for_size(1920, 1080);
        auto entries = ui::index_entries(sections, strings, lang);
        auto layout = ui::lay_out_reader(styles, canvas, ui::ui_text(strings, content::UiKey::report_title, lang),
                                         ui::ui_text(strings, content::UiKey::report_in_chinese, lang), entries);
        INFO((lang == text::Lang::Zh ? "zh " : "en ")
             << (portrait ? "portrait " : "landscape ") << (large ? "large" : "normal"));
        for (const auto& clip : layout.clipped) FAIL_CHECK(clip);
        REQUIRE(layout.index.size() == entries.size());
        CHECK(entries.back().label == (lang == text::Lang::Zh ? "结语" : "Closing"));
        for (const auto& row : layout.index) {
          CHECK_FALSE(overlaps(row.rect, layout.text));
          CHECK(row.rect.min.x >= canvas.margin() - 0.5f);
          CHECK(row.rect.max.x <= canvas.width - canvas.margin() + 0.5f);
          CHECK(row.rect.max.y <= canvas.height);
          CHECK(row.rect.height() >= 64);
        }
        // Enough of the page is left to read.
        CHECK(layout.text.width() >= (portrait ? 880 : 900));
        CHECK(layout.text.height() >= (portrait ? 600 : 560));
      }
  }
}

TEST_CASE("reader layout: a label that cannot fit is named, and drawn in the lines its row holds") {
  auto bundle = content::Bundle::open(KIOSK_TINY_BUNDLE);
  Baked baked;
  bake(baked, bundle, true);
  auto styles = ui::reader_styles(baked.fonts);
  std::string long_label;
  for (int i = 0; i < 40; ++i) long_label += "全力以赴强产业";
  std::vector<ui::IndexEntry> entries = {{"开篇", false}, {long_label, true}};
  auto layout = ui::lay_out_reader(styles, ui::Canvas::for_size(1080, 1920), "报告全文", "报告原文", entries);
  REQUIRE(!layout.clipped.empty());
  CHECK(layout.clipped.front().rfind("index: '全力以赴强产业", 0) == 0);
  REQUIRE(layout.index.size() == 2);
  CHECK(layout.index[1].lines >= 1);
  CHECK(layout.index[1].lines < 40);
  // Forty rows do not fit a landscape list at a touchable height.
  std::vector<ui::IndexEntry> many(40, {"（一）全力以赴强产业、壮集群，发展基础更加坚实", true});
  auto crowded = ui::lay_out_reader(styles, ui::Canvas::for_size(1920, 1080), "报告全文", "报告原文", many);
  REQUIRE(!crowded.clipped.empty());
  CHECK(crowded.clipped.front().find("under the touch minimum") != std::string::npos);
}
