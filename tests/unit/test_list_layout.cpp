// The home screen's tiles and the scrolled lists as the real views lay them out, drawn headless from the report
// bundle: the extent they report is the list's own (the controller's scroller stops and
// springs back by it), the last card scrolls fully into view, and where there is more of
// the list above or below it fades out instead of being cut flat through a card.

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/controller/content_cache.h"
#include "kiosk/ui/home_layout.h"
#include "kiosk/ui/kiosk_screen.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/view_context.h"
#include "screen_harness.h"
#include "skip.h"

using namespace kiosk;

namespace {

// The harness's screen, and the vertices each frame drew (the lists' fades).
struct Screen {
  testing::ScreenHarness h;
  content::Bundle& bundle = h.bundle();
  controller::ContentCache& content = h.content();
  ui::ImageProvider& pictures = h.pictures();
  const ui::Canvas& canvas = h.canvas();

  Screen(const std::filesystem::path& path, ui::Canvas c, bool large_text) : h(path, c, {large_text}) {}

  struct Drawn {
    controller::FrameReport report;
    std::vector<ImDrawVert> vertices;
  };
  Drawn draw(const controller::FrameModel& m) {
    Drawn d;
    d.report = h.draw(m);
    const auto& data = h.draw_data();
    for (int l = 0; l < data.CmdListsCount; ++l)
      for (const auto& v : data.CmdLists[l]->VtxBuffer) d.vertices.push_back(v);
    return d;
  }
};

std::vector<controller::HitRect> cards(const controller::FrameReport& r) {
  std::vector<controller::HitRect> out;
  for (const auto& h : r.hits)
    if (std::holds_alternative<controller::OpenItem>(h.action)) out.push_back(h.rect);
  return out;
}

// A vertex of the fade: at the left edge of the screen, at height y, in the background
// colour with this opacity.
bool fade_vertex(const std::vector<ImDrawVert>& vertices, float y, uint32_t col) {
  return std::any_of(vertices.begin(), vertices.end(), [&](const ImDrawVert& v) {
    return v.pos.x == 0 && std::abs(v.pos.y - y) < 0.01f && v.col == col;
  });
}

void check_category(ui::Canvas canvas, bool large_text, const std::string& category) {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  Screen s(path, canvas, large_text);
  controller::FrameModel m;
  m.scene = show::Scene::Category;
  m.category = category;
  m.large_text = large_text;
  auto top = s.draw(m);
  auto first = cards(top.report);
  REQUIRE(first.size() > 1);
  float list_top = first.front().y0, card_h = first.front().y1 - first.front().y0;
  float viewport = top.report.viewport_height, content = top.report.content_height;
  CAPTURE(viewport);
  CAPTURE(content);
  REQUIRE(content > viewport);  // a list long enough to scroll
  // The viewport is the list's clip: no card shows below its bottom.
  for (const auto& r : first) CHECK(r.y1 <= list_top + viewport + 0.5f);
  // More below: the bottom edge fades into the background, the top edge is plain.
  uint32_t bg = ui::colour::bg, clear = ui::colour::with_alpha(ui::colour::bg, 0);
  float bottom = list_top + viewport, fade = canvas.px(64);
  CHECK(fade_vertex(top.vertices, bottom, bg));
  CHECK(fade_vertex(top.vertices, bottom - fade, clear));
  CHECK_FALSE(fade_vertex(top.vertices, list_top, bg));

  // Scrolled to its end: the last card whole, clear of the fade and the safe area by the
  // pad, with no blank band under it beyond that.
  m.scroll = content - viewport;
  auto end = s.draw(m);
  auto last = cards(end.report);
  REQUIRE(!last.empty());
  const auto& card = last.back();
  CHECK(card.y1 - card.y0 == doctest::Approx(card_h));
  CHECK(card.y1 == doctest::Approx(bottom - canvas.px(ui::kListEndPadReference)).epsilon(0.001));
  CHECK_FALSE(fade_vertex(end.vertices, bottom, bg));  // nothing more below
  CHECK(fade_vertex(end.vertices, list_top, bg));      // more above
}

}  // namespace

TEST_CASE("list layout: a category's list reports its own extent, ends whole and fades where there is more") {
  for (bool large : {false, true}) {
    CAPTURE(large);
    check_category(ui::Canvas::for_size(1920, 1080), large, "wellbeing");
    check_category(ui::Canvas::for_size(1080, 1920), large, "wellbeing");
  }
}

TEST_CASE("home layout: every tile keeps its heading whole and its caption, in both languages and text sizes") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  for (auto [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}, std::pair{3840.0f, 2160.0f}})
    for (bool large : {false, true}) {
      Screen s(path, ui::Canvas::for_size(w, h), large);
      ui::UiStrings strings;
      for (const auto& u : s.bundle.ui_strings()) strings[u.key] = u.text;
      for (auto lang : {text::Lang::Zh, text::Lang::En}) {
        CAPTURE(w);
        CAPTURE(large);
        CAPTURE(static_cast<int>(lang));
        s.h.use_context();
        ImGui::NewFrame();
        std::vector<controller::Hit> hits;
        ui::TouchFrame touch;
        ui::Widgets widgets(ImGui::GetBackgroundDrawList(), s.canvas, s.h.fonts(), touch, hits);
        ui::ViewContext ctx{widgets, s.pictures, s.content, strings, lang, large, 0};
        auto layout = ui::lay_out_home(ctx);
        ImGui::EndFrame();
        CHECK(layout.fits);
        REQUIRE(layout.tiles.size() == s.content.categories().size());
        size_t teasers = 0;
        for (const auto& t : layout.tiles) {
          CHECK(t.needed <= t.rect.height() + 0.5f);  // heading, figure and caption inside the tile
          CHECK(t.rect.max.y <= s.canvas.height - s.canvas.px(48) + 0.5f);  // and the tile inside the safe area
          if (t.teaser) {
            ++teasers;
            CHECK(t.caption_h > 0);
          }
        }
        CHECK(teasers >= 6);  // the report's categories but the landmarks have a figure
      }
    }
}

// The first-time visitor review found the district map missing from the portrait English
// home: the top bar left out the pill it had no room for. Both ways in are on every home.
TEST_CASE("home: the full report and the district map can be opened in every language, orientation and text size") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  for (bool portrait : {false, true})
    for (bool large : {false, true}) {
      auto canvas = portrait ? ui::Canvas::for_size(1080, 1920) : ui::Canvas::for_size(1920, 1080);
      testing::ScreenHarness h(path, canvas, {large});
      for (auto lang : {text::Lang::Zh, text::Lang::En}) {
        controller::FrameModel home;
        home.scene = show::Scene::Home;
        home.lang = lang;
        home.now = 100;
        auto report = h.draw(home);
        bool map = false, full_report = false;
        for (const auto& hit : report.hits) {
          map = map || std::holds_alternative<controller::OpenMap>(hit.action);
          full_report = full_report || std::holds_alternative<controller::OpenReport>(hit.action);
        }
        std::string combination = std::string(portrait ? "portrait " : "landscape ") + (large ? "large " : "normal ") +
                                  (lang == text::Lang::Zh ? "zh" : "en");
        INFO(combination);
        CHECK(map);
        CHECK(full_report);
      }
    }
}
