#include <doctest/doctest.h>

#include "kiosk/show/gesture.h"

using namespace kiosk::show;

TEST_CASE("gesture: a press released within the slop is a tap at the press point") {
  GestureRecognizer g(16);
  g.press({100, 100}, 0);
  CHECK(g.down());
  g.move({108, 105}, 0.05);
  CHECK_FALSE(g.dragging());
  g.release({108, 105}, 0.1);
  auto tap = g.take_tap();
  REQUIRE(tap.has_value());
  CHECK(tap->x == 100);
  CHECK_FALSE(g.take_tap().has_value());  // reported once
  auto release = g.take_release();
  REQUIRE(release.has_value());
  CHECK_FALSE(release->was_drag);
}

TEST_CASE("gesture: movement beyond the slop is a drag, never a tap") {
  GestureRecognizer g(16);
  g.press({100, 500}, 0);
  g.move({100, 480}, 0.02);
  CHECK(g.dragging());
  auto first = g.take_drag_delta();
  CHECK(first.y == -20);
  g.move({100, 400}, 0.04);
  CHECK(g.take_drag_delta().y == -80);
  g.release({100, 380}, 0.05);
  CHECK_FALSE(g.take_tap().has_value());
  auto release = g.take_release();
  REQUIRE(release.has_value());
  CHECK(release->was_drag);
  CHECK(release->velocity_y < -1000);  // a quick flick upwards
}

TEST_CASE("gesture: a finger that stops before lifting has no speed") {
  GestureRecognizer g(16);
  g.press({500, 500}, 0);
  g.move({300, 500}, 0.05);
  g.release({300, 500}, 0.5);
  auto release = g.take_release();
  REQUIRE(release.has_value());
  CHECK(release->velocity_x == 0);
}
