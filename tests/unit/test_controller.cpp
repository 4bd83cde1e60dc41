// The headless controller, driven as the kiosk drives it: scripted pointer events in
// screen pixels, an injected clock, and the rectangles a view would report for each
// frame. The tiny test bundle gives it real content.

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/controller/controller.h"
#include "kiosk/controller/prefetch.h"
#include "kiosk/controller/scene_target.h"

using namespace kiosk::controller;
using kiosk::show::Scene;

namespace {

const kiosk::show::CivilTime kNoon{2025, 4, 1, 12, 0};

// Where the test's "views" put their controls (1920x1080, scale 1).
const HitRect kHighlightsTile{100, 300, 500, 600};
const HitRect kBackPill{100, 56, 260, 136};
const HitRect kList{0, 300, 1920, 1000};
const HitRect kReportButton{1400, 950, 1800, 1030};
const HitRect kNextPage{1700, 980, 1860, 1060};
const HitRect kPreviousPage{1000, 980, 1160, 1060};
HitRect section_rect(size_t i) {
  float y = 200 + static_cast<float>(i) * 60;
  return {40, y, 600, y + 60};
}

struct Rig {
  kiosk::content::Bundle bundle;
  ContentCache content{bundle};
  kiosk::show::ManualClock clock;
  Controller controller;
  std::vector<std::string> pins;  // every PIN the controller asked about
  size_t sections = 0;            // the report's, as its list shows them
  std::vector<int> pages;         // each section's page count, as the reader would lay it out

  float list_height = 2000;  // the category list's full height, as its view lays it out

  explicit Rig(ControllerOptions options = {}, const char* bundle_path = KIOSK_TINY_BUNDLE)
      : bundle(kiosk::content::Bundle::open(bundle_path)), controller(options, content, clock) {
    controller.set_viewport({1920, 1080, 1});
    controller.update(kNoon);
  }

  // One loop step: time moves to `t`, the controller updates, a frame is drawn whose
  // views report the controls of its scene.
  FrameModel frame(double t) {
    clock.set(t);
    controller.update(kNoon);
    auto model = controller.begin_frame();
    controller.end_frame(report(model));
    return model;
  }
  FrameReport report(const FrameModel& m) const {
    FrameReport r;
    if (m.operator_stage == OperatorStage::Keypad) {
      for (int d = 0; d <= 9; ++d) r.hits.push_back({key_rect(d), KeypadDigit{d}});
      r.hits.push_back({key_rect(10), KeypadOk{}});
      r.hits.push_back({key_rect(11), KeypadCancel{}});
      return r;
    }
    if (m.operator_stage == OperatorStage::Panel) {
      r.hits.push_back({{1000, 200, 1100, 300}, TouchCell{3}, true});
      r.hits.push_back({{100, 900, 400, 980}, RunCommand{OperatorCommand::Reload}});
      r.hits.push_back({{1500, 900, 1800, 980}, CloseOperator{}});
      return r;
    }
    if (m.scene == Scene::Home) {
      r.hits.push_back({kHighlightsTile, OpenCategory{"highlights"}});
      r.hits.push_back({kReportButton, OpenReport{}});
    }
    if (m.scene == Scene::Report) {
      r.hits.push_back({kBackPill, Back{}});
      for (size_t i = 0; i < sections; ++i) r.hits.push_back({section_rect(i), ReportSection{i}});
      r.hits.push_back({kPreviousPage, TurnPage{-1}});
      r.hits.push_back({kNextPage, TurnPage{+1}});
      // As the reader lays it out: the section shown decides how many pages it takes.
      r.page_count = m.report_section < pages.size() ? pages[m.report_section] : 1;
    }
    if (m.scene == Scene::Category) {
      r.hits.push_back({kBackPill, Back{}});
      r.hits.push_back({{100, 300, 700, 520}, OpenItem{"gdp-growth"}});
      r.content_height = list_height;
      r.viewport_height = 680;
    }
    if (m.scene == Scene::Detail) {
      r.hits.push_back({kBackPill, Back{}});
      r.content_height = 1500;
      r.viewport_height = 680;
    }
    return r;
  }
  static HitRect key_rect(int i) {
    float x = 700 + static_cast<float>(i % 4) * 150, y = 300 + static_cast<float>(i / 4) * 150;
    return {x, y, x + 100, y + 100};
  }
  void tap(float x, float y, double t) {
    clock.set(t);
    controller.pointer_press({x, y});
    clock.set(t + 0.05);
    controller.pointer_release({x, y});
  }
  void tap_key(int i, double t) {
    auto r = key_rect(i);
    tap(r.x0 + 50, r.y0 + 50, t);
    frame(t + 0.1);
  }
  // A finger moved from `from` to `to` in `steps` events over `seconds`, released at once.
  void drag(Point from, Point to, double t, double seconds, int steps = 10) {
    clock.set(t);
    controller.pointer_press(from);
    for (int i = 1; i <= steps; ++i) {
      float f = static_cast<float>(i) / static_cast<float>(steps);
      clock.set(t + seconds * f);
      controller.pointer_move({from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f});
      if (i % 3 == 0) frame(t + seconds * f);
    }
    controller.pointer_release(to);
  }
  void to_home(double t) {
    tap(960, 540, t);  // wakes the attract loop: home, and the tap does nothing more
    frame(t + 0.1);
  }
  void tap_in(HitRect r, double t) {
    tap(r.x0 + 10, r.y0 + 10, t);
    frame(t + 0.1);
  }
  void to_report(double t) {
    sections = content.report_sections().size();
    pages.assign(sections, 1);
    if (sections > 1) {
      pages[0] = 3;
      pages[1] = 2;
    }
    to_home(t);
    tap_in(kReportButton, t + 0.5);
  }
  void to_category(double t) {
    to_home(t);
    tap(300, 400, t + 0.5);
    frame(t + 0.6);
  }
};

}  // namespace

TEST_CASE("controller: the tap that wakes the attract loop only wakes it") {
  Rig rig;
  rig.frame(0.5);
  rig.tap(300, 400, 1);  // where the home screen's first tile will be
  auto m = rig.frame(1.1);
  CHECK(m.scene == Scene::Home);
  m = rig.frame(1.2);
  CHECK(m.scene == Scene::Home);
}

TEST_CASE("controller: a tap acts on the control the last frame reported there, and only there") {
  Rig rig;
  rig.to_home(1);
  rig.tap(700, 800, 2);  // on no control
  CHECK(rig.frame(2.1).scene == Scene::Home);
  rig.tap(kHighlightsTile.x0 + 10, kHighlightsTile.y0 + 10, 3);
  auto m = rig.frame(3.1);
  CHECK(m.scene == Scene::Category);
  CHECK(m.category == "highlights");
  rig.tap(150, 100, 4);  // back
  CHECK(rig.frame(4.1).scene == Scene::Home);
  CHECK(rig.controller.take_scene_log() == std::vector<std::string>{"attract", "home", "category:highlights", "home"});
}

TEST_CASE("controller: controls drawn for another scene do not take a tap") {
  Rig rig;
  rig.to_home(1);
  rig.controller.show().open_category("culture", 1.5);  // the scene changes with no frame drawn
  rig.tap(kHighlightsTile.x0 + 10, kHighlightsTile.y0 + 10, 2);
  auto m = rig.controller.begin_frame();
  CHECK(m.scene == Scene::Category);
  CHECK(m.category == "culture");
}

TEST_CASE("controller: a drag scrolls the list, inertia carries it on and it stops at the end") {
  Rig rig;
  rig.to_category(1);
  rig.drag({960, 900}, {960, 600}, 2, 0.3);
  auto m = rig.frame(2.31);
  float after_drag = m.scroll;
  CHECK(after_drag == doctest::Approx(300).epsilon(0.05));
  CHECK(m.scene == Scene::Category);  // a drag is no tap: the card under it did not open
  CHECK(rig.controller.next_frame_time(false) <= 2.31 + 1.0 / 60 + 1e-9);  // inertia runs
  m = rig.frame(2.5);
  CHECK(m.scroll > after_drag);
  // A long fast fling stops at the end of the list: content 2000, viewport 680.
  rig.drag({960, 1000}, {960, 100}, 3, 0.1);
  for (double t = 3.2; t < 8; t += 1.0 / 60) m = rig.frame(t);
  CHECK(m.scroll == doctest::Approx(2000 - 680));
  CHECK(rig.controller.next_frame_time(false) > 8 + 1);  // nothing moves: no frame is due
}

TEST_CASE("controller: a sideways swipe on an item turns to its neighbour, a short one does not") {
  Rig rig;
  rig.to_category(1);
  rig.tap(300, 400, 2);  // the gdp-growth card
  auto m = rig.frame(2.1);
  REQUIRE(m.scene == Scene::Detail);
  CHECK(m.item == "gdp-growth");
  rig.drag({1200, 600}, {1150, 600}, 3, 0.2);  // 50 px: under the swipe distance
  CHECK(rig.frame(3.3).item == "gdp-growth");
  rig.drag({1400, 600}, {900, 620}, 4, 0.2);
  m = rig.frame(4.3);
  CHECK(m.item == "tax-revenue-growth");
  CHECK(m.item_position == 1);
  rig.drag({900, 600}, {1400, 600}, 5, 0.2);
  CHECK(rig.frame(5.3).item == "gdp-growth");
}

TEST_CASE("controller: untouched, the countdown comes and the attract loop returns in the default language") {
  ControllerOptions options;
  options.show.idle_timeout_s = 20;
  options.show.countdown_s = 5;
  Rig rig(options);
  rig.to_category(1);
  rig.controller.show().set_language(kiosk::text::Lang::En, 2);
  CHECK(rig.frame(21).counting_down == false);
  auto m = rig.frame(22.5);
  CHECK(m.counting_down);
  CHECK(m.countdown_remaining == doctest::Approx(4.5));
  m = rig.frame(27.5);
  CHECK(m.scene == Scene::Attract);
  CHECK(m.lang == kiosk::text::Lang::Zh);
}

TEST_CASE("controller: a tap during the countdown dismisses it and taps nothing under it") {
  ControllerOptions options;
  options.show.idle_timeout_s = 20;
  options.show.countdown_s = 5;
  Rig rig(options);
  rig.to_category(1);
  REQUIRE(rig.frame(22).counting_down);
  rig.tap(150, 100, 23);  // on the back pill under the countdown
  auto m = rig.frame(23.1);
  CHECK_FALSE(m.counting_down);
  CHECK(m.scene == Scene::Category);
}

TEST_CASE("controller: the operator's corner hold, a wrong PIN, the lockout, the right PIN and the panel") {
  Rig rig;
  int wrong = 0;
  rig.controller.set_check_pin([&](const std::string& pin) {
    rig.pins.push_back(pin);
    if (pin == "2468") return kiosk::show::PinVerdict{true, 0};
    return kiosk::show::PinVerdict{false, ++wrong >= 2 ? 30 : 0};
  });
  rig.frame(0.5);
  // A still press in the top-left corner: nothing at 2.9 s, the keypad at 3 s.
  rig.clock.set(1);
  rig.controller.pointer_press({40, 40});
  CHECK(rig.controller.next_frame_time(false) <= 1 + 1.0 / 60 + 1e-9);
  CHECK(rig.frame(3.9).operator_stage == OperatorStage::Hidden);
  auto m = rig.frame(4.0);
  CHECK(m.operator_stage == OperatorStage::Keypad);
  CHECK(m.pointer.down == false);  // the visitor's views see no finger under the keypad
  rig.clock.set(4.1);
  rig.controller.pointer_release({40, 40});
  rig.frame(4.2);  // the hold is no tap on a key

  for (int d : {1, 1}) rig.tap_key(d, 5);
  CHECK(rig.frame(5.5).pin_digits == 2);
  rig.tap_key(10, 6);
  m = rig.frame(6.2);
  CHECK(m.pin_message.kind == PinMessage::Wrong);
  CHECK(m.pin_digits == 0);
  rig.tap_key(3, 7);
  rig.tap_key(10, 7.5);
  m = rig.frame(7.6);
  CHECK(m.pin_message.kind == PinMessage::Locked);
  CHECK(m.pin_message.seconds == 30);
  for (int d : {2, 4, 6, 8}) rig.tap_key(d, 8);
  rig.tap_key(10, 9);
  m = rig.frame(9.2);
  CHECK(m.operator_stage == OperatorStage::Panel);
  CHECK(rig.pins == std::vector<std::string>{"11", "3", "2468"});
  auto log = rig.controller.take_scene_log();
  CHECK(std::count(log.begin(), log.end(), "operator-pin") == 1);
  CHECK(std::count(log.begin(), log.end(), "operator") == 1);

  // The touch test lights a cell while a still finger is on it, before any release.
  rig.clock.set(10);
  rig.controller.pointer_press({1050, 250});
  m = rig.frame(10.1);
  m = rig.frame(10.2);
  CHECK(m.touched_cells.at(3));
  rig.controller.pointer_release({1050, 250});
  rig.frame(10.3);
  rig.tap(200, 940, 11);
  rig.frame(11.1);
  CHECK(rig.controller.take_operator_command() == OperatorCommand::Reload);
  CHECK(rig.controller.take_operator_command() == OperatorCommand::None);  // once
  rig.tap(1600, 940, 12);
  CHECK(rig.frame(12.1).operator_stage == OperatorStage::Hidden);
}

TEST_CASE("controller: taps queued between two frames each act, one a frame") {
  Rig rig;
  rig.controller.set_check_pin([&](const std::string& pin) {
    rig.pins.push_back(pin);
    return kiosk::show::PinVerdict{};
  });
  REQUIRE(rig.controller.go_to({SceneTarget::OperatorKeypad, ""}, kNoon));
  rig.frame(1);
  double t = 2;
  for (int d : {9, 8, 7}) {
    auto r = Rig::key_rect(d);
    rig.tap(r.x0 + 1, r.y0 + 1, t += 0.06);
  }
  rig.frame(2.3);
  CHECK(rig.controller.next_frame_time(false) <= 2.3 + 1.0 / 60 + 1e-9);  // more taps wait
  rig.frame(2.35);
  auto m = rig.frame(2.4);
  CHECK(m.pin_digits == 3);
}

TEST_CASE("controller: the operator corner is no operator corner in slideshow mode") {
  ControllerOptions options;
  options.show.interactive = false;
  Rig rig(options);
  rig.clock.set(1);
  rig.controller.pointer_press({40, 40});
  CHECK(rig.frame(5).operator_stage == OperatorStage::Hidden);
  CHECK(rig.frame(5).scene == Scene::Attract);
}

TEST_CASE("controller: plays are counted once per slide start and once per item opened") {
  Rig rig;
  for (double t = 0; t < 30; t += 0.5) rig.frame(t);
  auto plays = rig.controller.take_play_events();
  REQUIRE(plays.shown.size() == 4);  // slides start at 0, 8, 16 and 24 s
  CHECK(plays.shown ==
        std::vector<std::string>{"haitang-visitors", "gdp-growth", "tax-revenue-growth", "haitang-visitors"});
  CHECK(plays.opened.empty());
  CHECK(rig.controller.pictures_needed().empty());  // the tiny bundle's slides are figures: no picture to load
  rig.to_category(30);
  rig.tap(300, 400, 31);
  for (double t = 31.1; t < 33; t += 0.5) rig.frame(t);
  plays = rig.controller.take_play_events();
  CHECK(plays.opened == std::vector<std::string>{"gdp-growth"});
  CHECK(rig.controller.take_play_events().opened.empty());
}

TEST_CASE("controller: while nothing moves no frame is due before the next slide") {
  ControllerOptions options;
  options.slow_motion_fps = 0;
  Rig rig(options);
  auto m = rig.frame(3);  // the figure's reveal is over, the slide dwells until 8 s
  CHECK(m.attract.has_slide);
  CHECK(rig.controller.next_frame_time(false) > 5);
  CHECK(rig.controller.next_frame_time(true) == doctest::Approx(3 + 1.0 / 60));  // a picture arriving is drawn
}

TEST_CASE("controller: frames are due while a figure is revealed and while slides cross") {
  ControllerOptions options;
  options.slow_motion_fps = 0;
  Rig rig(options);
  rig.frame(kFigureRevealSeconds - 0.1);  // the first slide's figure still rising into place
  CHECK(rig.controller.next_frame_time(false) == doctest::Approx(kFigureRevealSeconds - 0.1 + 1.0 / 60));
  auto m = rig.frame(8.3);  // the crossfade into the second slide
  CHECK(m.attract.previous == "haitang-visitors");
  CHECK(m.attract.previous_time_in_slide == doctest::Approx(8.3));  // the outgoing slide goes on, not over
  CHECK(m.attract.time_in_slide == doctest::Approx(0.3));
  CHECK(rig.controller.next_frame_time(false) == doctest::Approx(8.3 + 1.0 / 60));
  rig.frame(8 + kFigureRevealSeconds + 0.1);
  CHECK(rig.controller.next_frame_time(false) > 15);
}

TEST_CASE("controller: scene targets are typed, and ids the bundle lacks are refused") {
  CHECK(parse_scene_target("detail:gdp-growth")->kind == SceneTarget::Detail);
  CHECK(parse_scene_target("category:culture")->id == "culture");
  CHECK(parse_scene_target("operator")->kind == SceneTarget::OperatorPanel);
  CHECK_FALSE(parse_scene_target("bogus"));
  CHECK_FALSE(parse_scene_target("detail:"));
  CHECK_FALSE(parse_scene_target("shelf:culture"));
  Rig rig;
  CHECK_FALSE(rig.controller.go_to({SceneTarget::Detail, "no-such-item"}, kNoon));
  CHECK_FALSE(rig.controller.go_to({SceneTarget::Category, "no-such-category"}, kNoon));
  CHECK(rig.controller.go_to({SceneTarget::Detail, "haitang-visitors"}, kNoon));
  auto m = rig.controller.begin_frame();
  CHECK(m.scene == Scene::Detail);
  CHECK(m.category == "culture");
}

TEST_CASE("controller: the report's full text opens from home, taps on the list jump, buttons and swipes turn pages") {
  Rig rig;
  REQUIRE(rig.content.report_sections().size() >= 3);  // the tiny bundle carries its source document
  rig.to_report(1);
  auto m = rig.frame(1.7);
  REQUIRE(m.scene == Scene::Report);
  CHECK(m.report_section == 0);
  CHECK(m.report_page == 0);
  CHECK(m.report_page_count == 3);  // the view's layout reached the controller
  rig.tap_in(kNextPage, 2);
  m = rig.frame(2.2);
  CHECK(m.report_page == 1);
  rig.drag({1400, 600}, {900, 620}, 3, 0.2);  // to the left: the next page
  m = rig.frame(3.3);
  CHECK(m.report_page == 2);
  rig.drag({1400, 600}, {1350, 600}, 4, 0.2);  // 50 px: under the swipe distance
  CHECK(rig.frame(4.3).report_page == 2);
  rig.tap_in(kNextPage, 5);  // past the section's last page: the next section's first
  m = rig.frame(5.2);
  CHECK(m.report_section == 1);
  CHECK(m.report_page == 0);
  CHECK(m.report_page_count == 2);
  rig.drag({900, 600}, {1400, 600}, 6, 0.2);  // to the right: back into section 0, at its last page
  m = rig.frame(6.3);
  CHECK(m.report_section == 0);
  CHECK(m.report_page >= 2);  // past the end until the view lays it out: the view draws the last page
  m = rig.frame(6.4);
  CHECK(m.report_page == 2);
  CHECK(m.report_page_count == 3);
  rig.tap_in(kPreviousPage, 7);
  rig.tap_in(kPreviousPage, 8);
  rig.tap_in(kPreviousPage, 9);  // at the very start: nothing before it
  m = rig.frame(9.2);
  CHECK(m.report_section == 0);
  CHECK(m.report_page == 0);
  rig.tap_in(section_rect(2), 10);
  m = rig.frame(10.2);
  CHECK(m.report_section == 2);
  CHECK(m.report_page == 0);
  CHECK(m.scene == Scene::Report);
  rig.tap_in(kBackPill, 11);
  CHECK(rig.frame(11.2).scene == Scene::Home);
  CHECK(rig.controller.take_scene_log() == std::vector<std::string>{"attract", "home", "report", "home"});
}

TEST_CASE("controller: the report's last page turns no further, and the reader returns to the attract loop idle") {
  ControllerOptions options;
  options.show.idle_timeout_s = 20;
  options.show.countdown_s = 5;
  Rig rig(options);
  rig.to_report(1);
  size_t last = rig.sections - 1;
  rig.tap_in(section_rect(last), 2);
  auto m = rig.frame(2.2);
  REQUIRE(m.report_section == last);
  rig.tap_in(kNextPage, 3);
  rig.drag({1400, 600}, {900, 620}, 4, 0.2);
  m = rig.frame(4.3);
  CHECK(m.report_section == last);
  CHECK(m.report_page == 0);
  CHECK(rig.frame(26).counting_down);
  m = rig.frame(30);
  CHECK(m.scene == Scene::Attract);
}

TEST_CASE("controller: report scene targets name a section the bundle has") {
  Rig rig;
  auto target = parse_scene_target("report:2");
  REQUIRE(target);
  CHECK(target->kind == SceneTarget::Report);
  CHECK(rig.controller.go_to(*target, kNoon));
  auto m = rig.controller.begin_frame();
  CHECK(m.scene == Scene::Report);
  CHECK(m.report_section == 2);
  CHECK(parse_scene_target("report")->section == 0);
  CHECK_FALSE(parse_scene_target("report:x"));
  CHECK_FALSE(parse_scene_target("report:99999"));
  CHECK_FALSE(rig.controller.go_to(*parse_scene_target("report:999"), kNoon));
}

TEST_CASE("controller: a short list pulled up follows with resistance and springs back to the top") {
  Rig rig;
  rig.list_height = 400;  // shorter than its 680 px viewport
  rig.to_category(1);
  rig.controller.pointer_press({960, 900});
  for (int i = 1; i <= 10; ++i) {
    rig.clock.set(2 + 0.03 * i);
    rig.controller.pointer_move({960, 900 - 30.0f * static_cast<float>(i)});
  }
  auto m = rig.frame(2.3);
  CHECK(m.scroll > 0);    // it gives under the finger...
  CHECK(m.scroll < 200);  // ...less than the finger's 300 px
  rig.clock.set(2.31);
  rig.controller.pointer_release({960, 600});
  m = rig.frame(2.32);
  CHECK(rig.controller.next_frame_time(false) <= 2.32 + 1.0 / 60 + 1e-9);  // the return is animated
  for (double t = 2.34; t < 3.5; t += 1.0 / 60) m = rig.frame(t);
  CHECK(m.scroll == 0);  // no blank band stays behind
  CHECK(rig.controller.next_frame_time(false) > 3.5 + 1);
}

TEST_CASE("controller: a list pulled past its end springs back to the end, not beyond") {
  Rig rig;
  rig.to_category(1);
  rig.drag({960, 1000}, {960, 100}, 2, 0.6, 30);  // slowly, twice what the 1320 px of scroll allow... almost
  rig.drag({960, 1000}, {960, 100}, 3, 0.6, 30);
  auto m = rig.frame(3.61);
  CHECK(m.scroll > 2000 - 680);
  for (double t = 3.62; t < 5; t += 1.0 / 60) m = rig.frame(t);
  CHECK(m.scroll == doctest::Approx(2000 - 680));
}

TEST_CASE("controller: back from an item returns to the list where it was left; a new visit starts at the top") {
  Rig rig;
  rig.to_category(1);
  rig.drag({960, 900}, {960, 600}, 2, 0.6, 30);  // slow: little inertia
  for (double t = 2.7; t < 4; t += 1.0 / 60) rig.frame(t);
  float left_at = rig.frame(4).scroll;
  REQUIRE(left_at > 200);
  rig.tap(300, 400, 5);  // a card
  auto m = rig.frame(5.1);
  REQUIRE(m.scene == Scene::Detail);
  rig.drag({1400, 600}, {900, 620}, 6, 0.2);  // to the neighbour, still in the same category
  REQUIRE(rig.frame(6.3).item_position == 1);
  rig.tap_in(kBackPill, 7);
  m = rig.frame(7.2);
  REQUIRE(m.scene == Scene::Category);
  CHECK(m.scroll == doctest::Approx(left_at));
  rig.tap_in(kBackPill, 8);  // home
  REQUIRE(rig.frame(8.2).scene == Scene::Home);
  rig.tap_in(kHighlightsTile, 9);
  m = rig.frame(9.2);
  REQUIRE(m.scene == Scene::Category);
  CHECK(m.scroll == 0);
}

TEST_CASE("controller: the attract loop and the screens a touch opens speak one language") {
  ControllerOptions options;
  options.show.idle_timeout_s = 20;
  options.show.countdown_s = 5;
  Rig rig(options);
  // The loop alternates: run it until its second pass, in English.
  double t = 0.5;
  auto m = rig.frame(t);
  REQUIRE(m.attract.lang == kiosk::text::Lang::Zh);
  CHECK(m.lang == kiosk::text::Lang::Zh);
  while (m.attract.lang == kiosk::text::Lang::Zh && t < 600) m = rig.frame(t += 0.5);
  REQUIRE(m.attract.lang == kiosk::text::Lang::En);
  CHECK(m.lang == kiosk::text::Lang::En);
  rig.to_home(t + 1);  // a visitor who stepped up to the English pass
  m = rig.frame(t + 1.2);
  REQUIRE(m.scene == Scene::Home);
  CHECK(m.lang == kiosk::text::Lang::En);
  // Left idle in the middle of the loop's order, it returns and plays from the start in
  // the default language, and the next touch opens the screens in it.
  t += 1.2 + 30;
  m = rig.frame(t);
  REQUIRE(m.scene == Scene::Attract);
  for (double end = t + 3; t < end; t += 0.5) {
    m = rig.frame(t);
    CHECK(m.attract.lang == kiosk::text::Lang::Zh);
  }
  rig.to_home(t);
  m = rig.frame(t + 0.2);
  REQUIRE(m.scene == Scene::Home);
  CHECK(m.lang == kiosk::text::Lang::Zh);
}

TEST_CASE("controller: a finger on a category's tile loads its first pictures, as many as the cache keeps") {
  ControllerOptions options;
  options.prefetch_pictures = 1;
  Rig rig(options, KIOSK_REPORT_BUNDLE);
  rig.to_home(1);
  CHECK(rig.controller.pictures_needed().empty());
  std::vector<std::string> expected;
  for (const auto& s : rig.content.summaries("highlights"))
    if (!s.image_id.empty() && std::find(expected.begin(), expected.end(), s.image_id) == expected.end())
      expected.push_back(s.image_id);
  REQUIRE(expected.size() > 1);  // more than the cache keeps
  expected.resize(1);
  rig.clock.set(2);
  rig.controller.pointer_press({kHighlightsTile.x0 + 10, kHighlightsTile.y0 + 10});
  rig.clock.set(2.05);
  rig.controller.update(kNoon);  // the finger is still down: nothing has opened yet
  CHECK(rig.controller.pictures_needed() == expected);
  CHECK(rig.controller.show().scene() == Scene::Home);
  rig.controller.pointer_release({kHighlightsTile.x0 + 10, kHighlightsTile.y0 + 10});
  auto m = rig.frame(2.1);
  REQUIRE(m.scene == Scene::Category);
  rig.controller.update(kNoon);
  CHECK(rig.controller.pictures_needed() == expected);
  // A finger elsewhere on home loads nothing.
  rig.tap_in(kBackPill, 3);
  REQUIRE(rig.frame(3.2).scene == Scene::Home);
  rig.clock.set(4);
  rig.controller.pointer_press({700, 800});
  rig.controller.update(kNoon);
  CHECK(rig.controller.pictures_needed().empty());
}

TEST_CASE("prefetch: a category's distinct pictures in list order, no more than the limit") {
  std::vector<kiosk::content::ItemSummary> items(5);
  items[0].image_id = "a";
  items[2].image_id = "b";
  items[3].image_id = "a";  // shared with the first card: loaded once
  items[4].image_id = "c";
  CHECK(category_pictures(items, 10) == std::vector<std::string>{"a", "b", "c"});
  CHECK(category_pictures(items, 2) == std::vector<std::string>{"a", "b"});
  CHECK(category_pictures(items, 0).empty());
}
