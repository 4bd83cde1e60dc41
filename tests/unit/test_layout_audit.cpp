// Issue #16 (2, 3): every scene of the report bundle, in both languages, both orientations
// and both text sizes, drawn by the real views: no text drawn with a glyph its font lacks,
// none cut short with "…", none spilling out of its card or tile or left out, none over
// other text or the fixed furniture. The layout log (kiosk/ui/layout_log.h) says which.

#include <doctest/doctest.h>

#include <array>
#include <filesystem>
#include <sstream>
#include <string>

#include "bundle_fixture.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/kiosk_screen.h"
#include "kiosk/ui/layout_log.h"
#include "kiosk/ui/text_painter.h"
#include "screen_harness.h"
#include "skip.h"

using kiosk::testing::ScreenHarness;
using kiosk::ui::LayoutProblem;

namespace {

struct Counts {
  std::array<size_t, 4> by_kind{};
  size_t scenes = 0;
  std::vector<std::string> examples;
};

Counts audit(ScreenHarness& h, kiosk::text::Lang lang) {
  Counts counts;
  kiosk::testing::walk_scenes(h, lang, [&](const std::string& scene) {
    ++counts.scenes;
    for (const auto& p : h.log().problems()) {
      ++counts.by_kind[p.kind];
      if (counts.examples.size() < 400) counts.examples.push_back(scene + ": " + p.what);
    }
  });
  return counts;
}

}  // namespace

TEST_CASE(
    "layout audit: the report bundle's every scene, in all eight combinations, clips, ellipsises, overlaps and falls "
    "back nowhere") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  size_t total = 0;
  std::ostringstream table;
  table << "combination: scenes fallback clip ellipsis overlap\n";
  for (bool portrait : {false, true})
    for (bool large : {false, true}) {
      auto canvas = portrait ? kiosk::ui::Canvas::for_size(1080, 1920) : kiosk::ui::Canvas::for_size(1920, 1080);
      ScreenHarness h(path, canvas, {large});
      for (auto lang : {kiosk::text::Lang::Zh, kiosk::text::Lang::En}) {
        auto c = audit(h, lang);
        std::string name = std::string(lang == kiosk::text::Lang::Zh ? "zh " : "en ") +
                           (portrait ? "1080x1920 " : "1920x1080 ") + (large ? "large" : "normal");
        table << name << ": " << c.scenes << " " << c.by_kind[LayoutProblem::Fallback] << " "
              << c.by_kind[LayoutProblem::Clip] << " " << c.by_kind[LayoutProblem::Ellipsis] << " "
              << c.by_kind[LayoutProblem::Overlap] << "\n";
        CHECK(c.scenes > 50);  // the walk did reach the categories, items and report pages
        for (const auto& e : c.examples) {
          FAIL_CHECK(name << ": " << e);
          ++total;
        }
      }
    }
  MESSAGE(table.str());
  CHECK(total == 0);
}

TEST_CASE("layout audit: the log catches each kind of problem it reports") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  ScreenHarness h(path, kiosk::ui::Canvas::for_size(1920, 1080));
  using namespace kiosk::ui;
  TextStyle body{h.fonts().get(Role::Body), h.fonts().size(Role::Body), colour::text, 1.5f};
  // The problems found, by kind: "clip clip", "ellipsis".
  auto kinds = [](const LayoutLog& log) {
    static const char* names[] = {"fallback", "clip", "ellipsis", "overlap"};
    std::string out;
    for (const auto& p : log.problems()) {
      if (!out.empty()) out += ' ';
      out += names[p.kind];
    }
    return out;
  };
  // A text of the report's that the body font was baked for.
  const auto& cat = h.content().categories().front();
  const std::string body_text = h.content().item(h.content().summaries(cat.id).front().id)->body.zh;
  ImGui::NewFrame();
  ImDrawList* list = ImGui::GetBackgroundDrawList();
  LayoutLog log;
  log.set_canvas(1920, 1080);
  {
    ScopedLayoutLog on(log);
    // Over-long text in one line: cut short with "…" and reported.
    std::string long_text;
    for (int i = 0; i < 10; ++i) long_text += body_text;
    draw_text_block(list, body, long_text, ImVec2(100, 100), 600, 1);
  }
  CHECK(kinds(log) == "ellipsis");

  log.clear();
  {
    ScopedLayoutLog on(log);
    draw_text_block(list, body, body_text + "☃", ImVec2(100, 100), 600);  // no snowman in the bundle's fonts
  }
  CHECK(kinds(log) == "fallback");

  log.clear();
  {
    ScopedLayoutLog on(log);
    ScopedBox card({ImVec2(100, 100), ImVec2(400, 140)});
    draw_text_block(list, body, "Two lines of text in a card one line tall", ImVec2(100, 100), 300);
    log_dropped(body.font, body.size, "a caption with no room", {ImVec2(100, 140), ImVec2(400, 180)});
  }
  CHECK(kinds(log) == "clip clip");

  log.clear();
  {
    ScopedLayoutLog on(log);
    draw_text_block(list, body, "A title", ImVec2(100, 100), 600);
    draw_text_block(list, body, "3 items", ImVec2(120, 110), 600);
    log_furniture({ImVec2(100, 300), ImVec2(300, 380)}, "page arrow");
    draw_text_block(list, body, "running into the arrow", ImVec2(250, 320), 600);
    draw_text_block(list, body, "inside", ImVec2(110, 320), 100);  // a label in its furniture: its own
  }
  CHECK(kinds(log) == "overlap overlap");
  ImGui::Render();
}

TEST_CASE(
    "font bake: every code point the report bundle's texts need is in its role's atlas; one that is not is named") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  auto bundle = kiosk::content::Bundle::open(path);
  auto needs = kiosk::ui::screen_glyph_needs(bundle);
  for (bool large : {false, true}) {
    ImFontAtlas atlas;
    kiosk::ui::Fonts fonts;
    std::string error;
    REQUIRE_MESSAGE(fonts.build(atlas, *bundle.font("regular"), *bundle.font("bold"), needs, 1, large, error), error);
    for (const auto& m : kiosk::ui::missing_glyphs(fonts, needs)) FAIL_CHECK(kiosk::ui::describe(m));
  }
  // A caption needing a snowman the subset font never had: baked without it, and named.
  auto more = needs;
  more.add(kiosk::ui::Role::Caption, "雪人☃");
  ImFontAtlas atlas;
  kiosk::ui::Fonts fonts;
  std::string error;
  REQUIRE_MESSAGE(fonts.build(atlas, *bundle.font("regular"), *bundle.font("bold"), more, 1, false, error), error);
  auto missing = kiosk::ui::missing_glyphs(fonts, more);
  REQUIRE(!missing.empty());
  bool named = false;
  for (const auto& m : missing)
    named = named || kiosk::ui::describe(m).rfind("caption 28 px lacks U+2603 ☃ (in \"雪人☃\")", 0) == 0;
  CHECK(named);
}

// An operator's bundle may word a category or its teaser at any length: the tile takes
// four lines of each and ends the rest in "…", instead of growing off the screen.
TEST_CASE("layout audit: an over-long category title and teaser end in an ellipsis, the home tiles stay on screen") {
  ScratchDir dir;
  auto path = dir.copy_of_tiny("long.bundle");
  std::string title_en, teaser_en;
  for (int i = 0; i < 12; ++i) title_en += "Highlights of the year ";
  for (int i = 0; i < 12; ++i) teaser_en += "Tax revenue growth ";
  tamper(path, "UPDATE category SET title_en = '" + title_en + "'; UPDATE item SET title_en = '" + teaser_en + "'");
  for (auto canvas : {kiosk::ui::Canvas::for_size(1920, 1080), kiosk::ui::Canvas::for_size(1080, 1920)}) {
    ScreenHarness h(path, canvas);
    kiosk::controller::FrameModel home;
    home.scene = kiosk::show::Scene::Home;
    home.lang = kiosk::text::Lang::En;
    h.draw(home);
    size_t ellipses = 0;
    for (const auto& p : h.log().problems()) {
      if (p.kind == LayoutProblem::Ellipsis) {
        ++ellipses;
        continue;
      }
      FAIL_CHECK(canvas.width << "x" << canvas.height << ": " << p.what);  // a clip: a tile ran off the screen
    }
    CHECK(ellipses >= 4);  // both tiles' headings and captions
  }
}
