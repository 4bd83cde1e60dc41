#include <doctest/doctest.h>

#include "kiosk/show/attract_loop.h"

using namespace kiosk::show;
using kiosk::content::PlaylistEntry;

namespace {

PlaylistEntry slide(const std::string& id, double dwell, std::string date_from = "", std::string date_to = "",
                    std::string time_from = "", std::string time_to = "") {
  PlaylistEntry e;
  e.item_id = id;
  e.dwell_s = dwell;
  e.transition = "crossfade";
  e.date_from = std::move(date_from);
  e.date_to = std::move(date_to);
  e.time_from = std::move(time_from);
  e.time_to = std::move(time_to);
  return e;
}

const CivilTime kSpring{2025, 4, 1, 10, 0};

}  // namespace

TEST_CASE("attract loop: slides follow each other by their dwell times and wrap around") {
  AttractLoop loop({slide("a", 5), slide("b", 8), slide("c", 4)}, 0.6);
  loop.advance(0, kSpring);
  CHECK(loop.current().item_id == "a");
  CHECK(loop.transition_progress(0) == 1);  // the first slide needs no transition
  loop.advance(4.9, kSpring);
  CHECK(loop.current().item_id == "a");
  loop.advance(5.0, kSpring);
  CHECK(loop.current().item_id == "b");
  CHECK(loop.transition_progress(5.3) == doctest::Approx(0.5));
  CHECK(loop.previous(5.3)->item_id == "a");
  CHECK(loop.previous(5.6) == nullptr);
  loop.advance(16.9, kSpring);
  CHECK(loop.current().item_id == "c");
  loop.advance(17.5, kSpring);
  CHECK(loop.current().item_id == "a");  // 5 + 8 + 4 = 17: a again
  CHECK(loop.time_in_slide(17.5) == doctest::Approx(0.5));
}

TEST_CASE("attract loop: the outgoing slide's time goes on through the transition") {
  AttractLoop loop({slide("a", 5), slide("b", 8)}, 0.6);
  loop.advance(0, kSpring);
  loop.advance(5.2, kSpring);
  REQUIRE(loop.previous(5.2));
  CHECK(loop.previous_time_in_slide(5.2) == doctest::Approx(5.2));  // a began at 0, not over again at 5
  CHECK(loop.time_in_slide(5.2) == doctest::Approx(0.2));
  loop.advance(13.3, kSpring);  // b gives way to a again at 13
  CHECK(loop.previous_time_in_slide(13.3) == doctest::Approx(8.3));

  // A slide whose window closes gives way at once: it too goes on from where it was.
  AttractLoop closing({slide("blossom", 10, "2025-03-20", "2025-04-01"), slide("always", 5)}, 0.6);
  closing.advance(0, CivilTime{2025, 4, 1, 23, 59});
  closing.advance(3, CivilTime{2025, 4, 2, 0, 0});
  CHECK(closing.current().item_id == "always");
  CHECK(closing.previous_time_in_slide(3.1) == doctest::Approx(3.1));
}

TEST_CASE("attract loop: a long jump of the clock lands on the right slide") {
  AttractLoop loop({slide("a", 5), slide("b", 5)}, 0.6);
  loop.advance(0, kSpring);
  loop.advance(1000 * 10 + 7, kSpring);  // 1000 full cycles and 7 s
  CHECK(loop.current().item_id == "b");
}

TEST_CASE("attract loop: the next change is the end of a transition or of a dwell") {
  AttractLoop loop({slide("a", 5), slide("b", 8)}, 0.6);
  loop.advance(0, kSpring);
  CHECK(loop.next_change(1) == doctest::Approx(5));
  loop.advance(5.1, kSpring);
  CHECK(loop.next_change(5.1) == doctest::Approx(5.6));
  CHECK(loop.next_change(6) == doctest::Approx(13));
}

TEST_CASE("attract loop: date windows and daily time windows are honoured") {
  AttractLoop loop({slide("always", 5), slide("blossom", 5, "2025-03-20", "2025-05-10"),
                    slide("night", 5, "", "", "22:00", "06:00")},
                   0.6);
  CivilTime winter{2025, 1, 15, 12, 0};
  loop.advance(0, winter);
  loop.advance(5, winter);
  CHECK(loop.current().item_id == "always");  // nothing else may play in winter at noon

  AttractLoop spring({slide("always", 5), slide("blossom", 5, "2025-03-20", "2025-05-10")}, 0.6);
  spring.advance(0, kSpring);
  spring.advance(5, kSpring);
  CHECK(spring.current().item_id == "blossom");

  CHECK(in_window(slide("n", 5, "", "", "22:00", "06:00"), CivilTime{2025, 1, 1, 23, 30}));
  CHECK(in_window(slide("n", 5, "", "", "22:00", "06:00"), CivilTime{2025, 1, 1, 5, 59}));
  CHECK_FALSE(in_window(slide("n", 5, "", "", "22:00", "06:00"), CivilTime{2025, 1, 1, 6, 0}));
  CHECK(in_window(slide("d", 5, "2025-05-10", "2025-05-10"), CivilTime{2025, 5, 10, 23, 59}));
  CHECK_FALSE(in_window(slide("d", 5, "2025-05-10", "2025-05-10"), CivilTime{2025, 5, 11, 0, 0}));
}

TEST_CASE("attract loop: a slide whose window closes gives way at once") {
  AttractLoop loop({slide("day", 60, "", "", "09:00", "17:00"), slide("always", 60)}, 0.6);
  loop.advance(0, CivilTime{2025, 1, 1, 16, 59});
  CHECK(loop.current().item_id == "day");
  loop.advance(10, CivilTime{2025, 1, 1, 17, 0});
  CHECK(loop.current().item_id == "always");
}

TEST_CASE("attract loop: an empty playlist, or one with nothing in its window, has no slide") {
  AttractLoop empty({}, 0.6);
  empty.advance(0, kSpring);
  CHECK_FALSE(empty.has_slide());
  AttractLoop out_of_season({slide("blossom", 5, "2025-03-20", "2025-05-10")}, 0.6);
  out_of_season.advance(0, CivilTime{2025, 8, 1, 12, 0});
  CHECK_FALSE(out_of_season.has_slide());
}
