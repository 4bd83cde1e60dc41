#include <doctest/doctest.h>

#include "kiosk/controller/scroller.h"

using kiosk::controller::Scroller;

namespace {

// Lets the list run for `seconds` in frames of 1/60 s.
void run(Scroller& s, double seconds) {
  for (double t = 0; t < seconds; t += 1.0 / 60) s.step(1.0 / 60);
}

}  // namespace

TEST_CASE("scroller: dragging moves the list one for one between its ends") {
  Scroller s;
  s.set_extent(3000, 1000);
  s.drag(-500);
  CHECK(s.offset() == 500);
  s.drag(-1000);
  CHECK(s.offset() == 1500);
  CHECK(s.overshoot() == 0);
}

TEST_CASE("scroller: pulled past an end the list resists, and springs back once let go") {
  Scroller s;
  s.set_extent(3000, 1000);
  s.drag(-2000);  // exactly to the end
  CHECK(s.offset() == 2000);
  s.drag(-400);  // 400 px further: the list follows, but less
  float over = s.overshoot();
  CHECK(over > 0);
  CHECK(over < 400 * 0.6f);
  s.drag(-4000);  // however far the finger goes, never more than the viewport
  CHECK(s.overshoot() > over);
  CHECK(s.overshoot() < 1000);
  s.release(-3000);  // a flick past the end throws nothing further
  CHECK(s.moving());
  float last = s.offset();
  for (int i = 0; i < 30; ++i) {
    s.step(1.0 / 60);
    CHECK(s.offset() <= last);  // eased back, never past the end the other way
    CHECK(s.offset() >= 2000);
    last = s.offset();
  }
  CHECK(s.offset() == 2000);
  CHECK_FALSE(s.moving());
}

TEST_CASE("scroller: a list shorter than its viewport can be pulled both ways and returns to the top") {
  Scroller s;
  s.set_extent(600, 1000);
  s.drag(-300);  // pulled up: there is nothing below to show
  CHECK(s.offset() > 0);
  CHECK(s.offset() < 300);
  s.release(0);
  run(s, 1);
  CHECK(s.offset() == 0);
  CHECK_FALSE(s.moving());
  s.drag(300);  // pulled down from the top
  CHECK(s.offset() < 0);
  CHECK(s.offset() > -300);
  s.release(2000);
  run(s, 1);
  CHECK(s.offset() == 0);
}

TEST_CASE("scroller: a finger catches the list mid-return where it is") {
  Scroller s;
  s.set_extent(600, 1000);
  s.drag(-300);
  s.release(0);
  s.step(0.1);
  float caught = s.offset();
  REQUIRE(caught > 0);
  s.drag(0.0f);  // touched again, not moved: the list stays under the finger
  CHECK(s.offset() == doctest::Approx(caught).epsilon(0.001));
  s.drag(-10);
  CHECK(s.offset() > caught);
  s.release(0);
  run(s, 1);
  CHECK(s.offset() == 0);
}

TEST_CASE("scroller: a list that gets shorter under a resting offset returns to its new end") {
  Scroller s;
  s.set_extent(3000, 1000);
  s.drag(-2000);
  s.release(0);
  s.set_extent(2500, 1000);  // a reflow: the end moved up
  CHECK(s.moving());
  run(s, 1);
  CHECK(s.offset() == 1500);
}

TEST_CASE("scroller: a flick carries on with inertia and comes to rest") {
  Scroller s;
  s.set_extent(100000, 1000);
  s.release(-3000);  // finger moving up: the list scrolls on downwards
  CHECK(s.moving());
  double t = 0;
  float last = 0;
  while (s.moving() && t < 10) {
    s.step(1.0 / 60);
    CHECK(s.offset() >= last);
    last = s.offset();
    t += 1.0 / 60;
  }
  CHECK_FALSE(s.moving());
  CHECK(s.offset() == doctest::Approx(1000).epsilon(0.05));  // v0 / friction
  CHECK(t < 3);
}

TEST_CASE("scroller: inertia stops at the end of the list, without overshooting it") {
  Scroller s;
  s.set_extent(1500, 1000);
  s.release(-6000);
  for (int i = 0; i < 120; ++i) s.step(1.0 / 60);
  CHECK(s.offset() == 500);
  CHECK_FALSE(s.moving());
}
