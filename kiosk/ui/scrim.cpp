#include "kiosk/ui/scrim.h"

#include <algorithm>
#include <vector>

namespace kiosk::ui {
namespace {

// Bands of linear gradient that follow the curve. At 12 the bends between bands showed as
// faint lines across a night sky where a veil fades two ways at once; at 24 they do not.
constexpr int kBands = 24;

struct Stop {
  float at, weight;
};

// The stops across one axis: fading in over `before`, solid from `lo` to `hi`, fading out over `after`.
std::vector<Stop> stops(float lo, float hi, float before, float after) {
  std::vector<Stop> out;
  if (before > 0)
    for (int i = 0; i < kBands; ++i) {
      float t = static_cast<float>(i) / kBands;
      out.push_back({lo - before * (1 - t), scrim_profile(t)});
    }
  out.push_back({lo, 1});
  out.push_back({hi, 1});
  if (after > 0)
    for (int i = 1; i <= kBands; ++i) {
      float t = static_cast<float>(i) / kBands;
      out.push_back({hi + after * t, scrim_profile(1 - t)});
    }
  return out;
}

}  // namespace

float scrim_profile(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return t * t * (3 - 2 * t);  // smoothstep: the fade has no visible start or end
}

void draw_scrim(ImDrawList* list, const Rect& solid, const ScrimFades& fades, uint32_t colour, float alpha) {
  if (solid.max.x <= solid.min.x || solid.max.y <= solid.min.y || alpha <= 0) return;
  float strength = kScrimSolid * std::clamp(alpha, 0.0f, 1.0f);
  auto xs = stops(solid.min.x, solid.max.x, fades.left, fades.right);
  auto ys = stops(solid.min.y, solid.max.y, fades.top, fades.bottom);
  auto at = [&](const Stop& x, const Stop& y) { return colour::with_alpha(colour, strength * x.weight * y.weight); };
  for (size_t j = 0; j + 1 < ys.size(); ++j)
    for (size_t i = 0; i + 1 < xs.size(); ++i)
      list->AddRectFilledMultiColor(ImVec2(xs[i].at, ys[j].at), ImVec2(xs[i + 1].at, ys[j + 1].at), at(xs[i], ys[j]),
                                    at(xs[i + 1], ys[j]), at(xs[i + 1], ys[j + 1]), at(xs[i], ys[j + 1]));
}

}  // namespace kiosk::ui
