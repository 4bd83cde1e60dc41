#include <doctest/doctest.h>

#include "kiosk/show/show.h"

using namespace kiosk::show;
using kiosk::text::Lang;

namespace {

const CivilTime kNoon{2025, 4, 1, 12, 0};

std::vector<kiosk::content::PlaylistEntry> playlist() {
  std::vector<kiosk::content::PlaylistEntry> p(2);
  p[0].item_id = "gdp";
  p[1].item_id = "tax";
  for (auto& e : p) {
    e.dwell_s = 8;
    e.transition = "crossfade";
  }
  return p;
}

Catalogue catalogue() {
  return {{"economy", "culture"}, {{"economy", {"gdp", "tax", "invest"}}, {"culture", {"visitors"}}}};
}

Show make(ShowSettings settings = {}) {
  Show show(settings, catalogue(), playlist());
  show.tick(0, kNoon);
  show.take_scene_log();
  return show;
}

}  // namespace

TEST_CASE("show: starts in the attract loop and a touch opens home") {
  Show show(ShowSettings{}, catalogue(), playlist());
  show.tick(0, kNoon);
  CHECK(show.take_scene_log() == std::vector<std::string>{"attract"});
  CHECK(show.scene() == Scene::Attract);
  CHECK(show.attract().current().item_id == "gdp");
  show.touch(1);
  CHECK(show.scene() == Scene::Home);
  CHECK(show.take_scene_log() == std::vector<std::string>{"home"});
}

TEST_CASE("show: browsing home, a category, an item, its neighbours and back") {
  auto show = make();
  show.touch(1);
  show.open_category("economy", 2);
  CHECK(show.scene() == Scene::Category);
  show.open_item("tax", 3);
  CHECK(show.scene() == Scene::Detail);
  CHECK(show.item_position() == 1);
  CHECK(show.neighbour(+1, 4));
  CHECK(show.item() == "invest");
  CHECK_FALSE(show.neighbour(+1, 5));  // the last item: nowhere further
  CHECK(show.neighbour(-1, 6));
  CHECK(show.neighbour(-1, 7));
  CHECK_FALSE(show.neighbour(-1, 8));
  CHECK(show.item() == "gdp");
  show.back(9);
  CHECK(show.scene() == Scene::Category);
  show.back(10);
  CHECK(show.scene() == Scene::Home);
  CHECK(show.take_scene_log() == std::vector<std::string>{"home", "category:economy", "detail:tax", "detail:invest",
                                                          "detail:tax", "detail:gdp", "category:economy", "home"});
}

TEST_CASE("show: an item opened from the attract loop has its category's neighbours and goes back home") {
  auto show = make();
  show.open_item("tax", 1);
  CHECK(show.scene() == Scene::Detail);
  CHECK(show.category() == "economy");
  CHECK(show.neighbour(+1, 2));
  show.back(3);
  CHECK(show.scene() == Scene::Home);
}

TEST_CASE("show: idle brings the countdown, a touch dismisses it") {
  ShowSettings settings;
  settings.idle_timeout_s = 60;
  auto show = make(settings);
  show.touch(100);
  show.open_category("economy", 101);
  show.tick(160.9, kNoon);
  CHECK(show.scene() == Scene::Category);
  CHECK(show.next_deadline(160.9) == doctest::Approx(161));
  show.tick(161, kNoon);
  CHECK(show.scene() == Scene::Countdown);
  CHECK(show.countdown_remaining(164) == doctest::Approx(7));
  CHECK(show.next_deadline(164.5) == doctest::Approx(165));  // the number changes each whole second
  show.touch(165);
  CHECK(show.scene() == Scene::Category);
  CHECK(show.take_scene_log() == std::vector<std::string>{"home", "category:economy", "countdown", "category:economy"});
}

TEST_CASE("show: an ignored countdown returns to the attract loop and resets language and text size") {
  auto show = make();
  show.touch(1);
  show.set_language(Lang::En, 2);
  show.set_large_text(true, 3);
  show.tick(63, kNoon);
  CHECK(show.scene() == Scene::Countdown);
  show.tick(73, kNoon);
  CHECK(show.scene() == Scene::Attract);
  CHECK(show.language() == Lang::Zh);
  CHECK_FALSE(show.large_text());
  CHECK(show.attract().current().item_id == "gdp");  // the loop starts over
}

TEST_CASE("show: slideshow mode ignores every touch") {
  ShowSettings settings;
  settings.interactive = false;
  auto show = make(settings);
  show.touch(1);
  show.open_category("economy", 2);
  show.open_item("gdp", 3);
  CHECK(show.scene() == Scene::Attract);
  CHECK(show.take_scene_log().empty());
}

TEST_CASE("show: outside open hours the screen closes, and a touch wakes it") {
  ShowSettings settings;
  settings.open_from = "09:00";
  settings.open_to = "17:00";
  auto show = make(settings);
  show.tick(10, CivilTime{2025, 4, 1, 17, 0});
  CHECK(show.scene() == Scene::Closed);
  show.touch(11);
  CHECK(show.scene() == Scene::Home);
  show.tick(11 + 70, CivilTime{2025, 4, 1, 17, 2});
  CHECK(show.scene() == Scene::Closed);  // after the idle return, closed again
  show.tick(200, CivilTime{2025, 4, 2, 9, 0});
  CHECK(show.scene() == Scene::Attract);

  ShowSettings slideshow = settings;
  slideshow.interactive = false;
  auto quiet = make(slideshow);
  quiet.tick(10, CivilTime{2025, 4, 1, 22, 0});
  quiet.touch(11);
  CHECK(quiet.scene() == Scene::Closed);  // no waking a display without touch
}

TEST_CASE("show: unknown ids are ignored") {
  auto show = make();
  show.touch(1);
  show.take_scene_log();
  SUBCASE("an unknown category from home") {
    show.open_category("nope", 2);
    CHECK(show.scene() == Scene::Home);
    CHECK(show.category().empty());
  }
  SUBCASE("an unknown item from home") {
    show.open_item("nope", 2);
    CHECK(show.scene() == Scene::Home);
    CHECK(show.item().empty());
  }
  SUBCASE("an unknown item or category from a category") {
    show.open_category("culture", 2);
    show.take_scene_log();
    show.open_item("nope", 3);
    show.open_category("nope", 4);
    CHECK(show.scene() == Scene::Category);
    CHECK(show.category() == "culture");
  }
  SUBCASE("an unknown item from an item's detail") {
    show.open_category("economy", 2);
    show.open_item("tax", 3);
    show.take_scene_log();
    show.open_item("nope", 4);
    CHECK(show.scene() == Scene::Detail);
    CHECK(show.item() == "tax");
    CHECK(show.category() == "economy");
    CHECK(show.item_position() == 1);
  }
  CHECK(show.take_scene_log().empty());  // nothing was entered, not even the same scene again
}

TEST_CASE("show: an item id in no category is refused and the scene stays") {
  auto show = make();
  show.touch(1);
  show.open_category("economy", 2);
  show.take_scene_log();
  CHECK_FALSE(show.open_item("no-such-item", 3));
  CHECK(show.scene() == Scene::Category);
  CHECK(show.item().empty());
  CHECK(show.take_scene_log().empty());
  CHECK(show.open_item("visitors", 4));  // from another category: its own gives the neighbours
  CHECK(show.category() == "culture");
  show.back(5);
  CHECK(show.scene() == Scene::Home);
}
