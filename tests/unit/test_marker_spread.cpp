// The map's marker layout: markers stand clear of each other, inside the map, as near
// their places as that allows; coincident places and a map too small are handled.

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "kiosk/controller/marker_spread.h"

using kiosk::controller::HitRect;
using kiosk::controller::markers_overlap;
using kiosk::controller::Point;
using kiosk::controller::spread_markers;

namespace {

float distance(Point a, Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

bool inside(const std::vector<Point>& c, float r, const HitRect& b) {
  for (const auto& p : c)
    if (p.x - r < b.x0 - 0.01f || p.x + r > b.x1 + 0.01f || p.y - r < b.y0 - 0.01f || p.y + r > b.y1 + 0.01f)
      return false;
  return true;
}

const HitRect kMap{0, 0, 900, 1000};

}  // namespace

TEST_CASE("marker spread: markers far apart stay exactly where they are") {
  std::vector<Point> at{{100, 100}, {500, 500}, {800, 900}};
  auto c = spread_markers(at, 21, 6, kMap);
  REQUIRE(c.size() == 3);
  for (size_t i = 0; i < at.size(); ++i) CHECK(distance(c[i], at[i]) < 0.01f);
}

TEST_CASE("marker spread: a cluster a street apart stands clear, each near its place") {
  // Six landmarks within 30 px, as the Wudadao ones are at 1920x1080.
  std::vector<Point> at{{400, 500}, {410, 505}, {395, 520}, {420, 490}, {405, 512}, {430, 515}};
  CHECK(markers_overlap(at, 21, 6));
  auto c = spread_markers(at, 21, 6, kMap);
  CHECK_FALSE(markers_overlap(c, 21, 6));
  CHECK(inside(c, 21, kMap));
  for (size_t i = 0; i < at.size(); ++i) CHECK(distance(c[i], at[i]) < 120);
  // The same places, the same layout.
  auto again = spread_markers(at, 21, 6, kMap);
  for (size_t i = 0; i < c.size(); ++i) CHECK(distance(c[i], again[i]) == 0);
}

TEST_CASE("marker spread: places at the same point fan out") {
  std::vector<Point> at(4, Point{300, 300});
  auto c = spread_markers(at, 21, 6, kMap);
  CHECK_FALSE(markers_overlap(c, 21, 6));
}

TEST_CASE("marker spread: places at the map's edge or outside it come inside, whole") {
  std::vector<Point> at{{0, 0}, {2, 3}, {950, 1200}, {-40, 600}};
  auto c = spread_markers(at, 21, 6, kMap);
  CHECK(inside(c, 21, kMap));
  CHECK_FALSE(markers_overlap(c, 21, 6));
}

TEST_CASE("marker spread: a map with no room for them all still returns every marker, inside it") {
  HitRect tiny{0, 0, 60, 60};
  std::vector<Point> at(5, Point{30, 30});
  auto c = spread_markers(at, 21, 6, tiny);
  REQUIRE(c.size() == 5);
  CHECK(inside(c, 21, tiny));
  CHECK(markers_overlap(c, 21, 6));  // there is no room: they overlap rather than leave the map
  CHECK(spread_markers({}, 21, 6, kMap).empty());
}
