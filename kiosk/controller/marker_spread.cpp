#include "kiosk/controller/marker_spread.h"

#include <algorithm>
#include <cmath>

namespace kiosk::controller {
namespace {

Point clamp_into(Point p, float radius, const HitRect& b) {
  // A rectangle narrower than a disc keeps its markers on its middle line.
  float x0 = b.x0 + radius, x1 = std::max(x0, b.x1 - radius);
  float y0 = b.y0 + radius, y1 = std::max(y0, b.y1 - radius);
  return {std::clamp(p.x, x0, x1), std::clamp(p.y, y0, y1)};
}

}  // namespace

bool markers_overlap(const std::vector<Point>& c, float radius, float gap) {
  float least = 2 * radius + gap;
  for (size_t i = 0; i < c.size(); ++i)
    for (size_t j = i + 1; j < c.size(); ++j)
      if (std::hypot(c[i].x - c[j].x, c[i].y - c[j].y) < least - 0.01f) return true;
  return false;
}

std::vector<Point> spread_markers(const std::vector<Point>& at, float radius, float gap, HitRect bounds) {
  std::vector<Point> p;
  p.reserve(at.size());
  for (const auto& a : at) p.push_back(clamp_into(a, radius, bounds));
  // Push overlapping pairs apart, half the overlap each, pulling every marker a little
  // back toward its place after each pass so that the cluster keeps its shape; then pushes
  // alone, until none overlaps: a few dozen passes for a district's landmarks.
  const float least = 2 * radius + gap + 0.5f;
  auto push_apart = [&]() {
    bool moved = false;
    for (size_t i = 0; i < p.size(); ++i)
      for (size_t j = i + 1; j < p.size(); ++j) {
        float dx = p[j].x - p[i].x, dy = p[j].y - p[i].y, d = std::hypot(dx, dy);
        if (d >= least) continue;
        if (d < 0.01f) {
          // The same place: part along a direction fixed by the pair's indices (the
          // golden angle), so coincident markers fan out instead of lining up.
          float angle = 2.39996f * static_cast<float>(i * 7 + j);
          dx = std::cos(angle);
          dy = std::sin(angle);
          d = 1;
        }
        float push = (least - d) / 2 / d;
        p[i] = clamp_into({p[i].x - dx * push, p[i].y - dy * push}, radius, bounds);
        p[j] = clamp_into({p[j].x + dx * push, p[j].y + dy * push}, radius, bounds);
        moved = true;
      }
    return moved;
  };
  for (int pass = 0; pass < 60 && push_apart(); ++pass)
    for (size_t i = 0; i < p.size(); ++i) {
      Point home = clamp_into(at[i], radius, bounds);
      p[i] = {p[i].x + (home.x - p[i].x) * 0.05f, p[i].y + (home.y - p[i].y) * 0.05f};
    }
  for (int pass = 0; pass < 400 && push_apart(); ++pass) {
  }
  return p;
}

}  // namespace kiosk::controller
