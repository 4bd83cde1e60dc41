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
#include "kiosk/text/marks.h"
#include "kiosk/text/utf8.h"
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
  size_t scenes = 0, texts = 0, attract_titles = 0;
  std::vector<std::string> examples;
  std::vector<std::string> under_floor;  // texts drawn smaller than their role (theme.h's kTypeScale)
  std::vector<std::string> wide_quotes;  // Latin texts drawn with a Chinese font's full-width quote
};

// The first-time visitor review saw "People’s wellbeing" with a full-width ’ in the attract
// loop's category label: a text without Chinese is drawn with the narrow quotes
// (text::latin_quotes), whichever painter draws it.
void check_quotes(const kiosk::ui::LayoutLog& log, const std::string& scene, Counts& counts) {
  for (const auto& t : log.texts()) {
    if (kiosk::text::has_han(t.text)) continue;
    for (const auto& q : kiosk::text::kLatinQuotes)
      if (t.text.find(kiosk::text::encode(q.mark)) != std::string::npos)
        counts.wide_quotes.push_back(scene + ": \"" + t.text.substr(0, 60) + "\"");
  }
}

std::optional<kiosk::ui::Role> role_of(const ScreenHarness& h, const ImFont* font) {
  for (auto role : kiosk::content::kAllRoles)
    if (h.fonts().get(role) == font) return role;
  return std::nullopt;
}

// Issue #16 (7): every text is drawn at its role's baked size, never shrunk to fit, so at or
// above the role's floor; an attract slide's title is a title, 72 px or more.
void check_type_floors(ScreenHarness& h, const kiosk::ui::LayoutLog& log, kiosk::text::Lang lang,
                       const std::string& scene, Counts& counts) {
  using kiosk::ui::type_role;
  const float scale = h.canvas().scale;
  std::string attract_title;
  if (scene.rfind("attract ", 0) == 0)
    if (const auto* item = h.content().item(scene.substr(8)))
      attract_title = kiosk::text::latin_quotes(kiosk::text::pick(item->title, lang));
  bool title_seen = attract_title.empty();
  for (const auto& t : log.texts()) {
    ++counts.texts;
    auto role = role_of(h, t.font);
    std::string what = scene + ": \"" + t.text.substr(0, 60) + "\" " + std::to_string(t.size) + " px";
    if (!role) {
      counts.under_floor.push_back(what + " in a font of no type role");
      continue;
    }
    const auto& r = type_role(*role);
    float floor = std::max(h.fonts().size(*role), r.floor * scale) - 0.5f;
    if (t.size < floor)
      counts.under_floor.push_back(what + " under the " + r.name + "'s " + std::to_string(h.fonts().size(*role)) +
                                   " px (floor " + std::to_string(r.floor) + ")");
    if (!attract_title.empty() && t.text == attract_title) {
      title_seen = true;
      if (t.size < 72 * scale - 0.5f) counts.under_floor.push_back(what + ": an attract title under 72 px");
    }
  }
  if (!title_seen) counts.under_floor.push_back(scene + ": its title \"" + attract_title + "\" was not drawn");
  if (!attract_title.empty()) ++counts.attract_titles;
}

Counts audit(ScreenHarness& h, kiosk::text::Lang lang) {
  Counts counts;
  kiosk::testing::walk_scenes(h, lang, [&](const std::string& scene) {
    ++counts.scenes;
    for (const auto& p : h.log().problems()) {
      ++counts.by_kind[p.kind];
      if (counts.examples.size() < 400) counts.examples.push_back(scene + ": " + p.what);
    }
    check_type_floors(h, h.log(), lang, scene, counts);
    check_quotes(h.log(), scene, counts);
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
        CHECK(c.texts > c.scenes * 3);
        CHECK(c.attract_titles >= 20);  // every slide of the playlist had its title checked
        for (size_t i = 0; i < c.under_floor.size() && i < 40; ++i) FAIL_CHECK(name << ": " << c.under_floor[i]);
        total += c.under_floor.size();
        for (size_t i = 0; i < c.wide_quotes.size() && i < 40; ++i) FAIL_CHECK(name << ": " << c.wide_quotes[i]);
        total += c.wide_quotes.size();
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

  // Body text squeezed to 30 px to fit is under its role's size; at its own size it is not.
  log.clear();
  {
    ScopedLayoutLog on(log);
    TextStyle squeezed = body;
    squeezed.size = 30;
    draw_text_block(list, body, "at its size", ImVec2(100, 100), 600);
    draw_text_block(list, squeezed, "squeezed to fit", ImVec2(100, 200), 600);
  }
  Counts floors;
  check_type_floors(h, log, kiosk::text::Lang::En, "home", floors);
  CHECK(floors.under_floor.size() == 1);
  for (const auto& f : floors.under_floor) CHECK_MESSAGE(f.find("squeezed to fit") != std::string::npos, f);
  // An attract slide whose title is drawn below a title's size is found too.
  const std::string slide = h.bundle().playlist().front().item_id;
  log.clear();
  {
    ScopedLayoutLog on(log);
    draw_text_block(list, body, kiosk::text::pick(h.content().item(slide)->title, kiosk::text::Lang::En),
                    ImVec2(100, 100), 1600);
  }
  Counts titles;
  check_type_floors(h, log, kiosk::text::Lang::En, "attract " + slide, titles);
  CHECK(titles.under_floor.size() == 1);
  for (const auto& f : titles.under_floor)
    CHECK_MESSAGE(f.find("an attract title under 72 px") != std::string::npos, f);
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
