#pragma once
// The dark veil laid over a picture where words, dots or the touch cue stand on it. An
// exhibit designer's gradient rather than a box: the ground colour, solid behind the words,
// dissolving into the picture along an eased curve on the sides that face it, so that the
// picture fades into the dusk without an edge. Solid, it lets through under a tenth of any
// picture's light, which holds the brief's text and muted colours above 7:1 and its accents
// above 4.5:1 whatever the picture (an operator's photo as much as our illustrations).

#include <imgui.h>

#include <cstdint>

#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

// The veil's strength where it is solid: the share of the picture it covers.
constexpr float kScrimSolid = 0.92f;

// How far the veil dissolves beyond its solid part on each side (0: it ends there, as at
// the screen's edge).
struct ScrimFades {
  float left = 0, top = 0, right = 0, bottom = 0;
};

// Solid over `solid`, fading out over `fades`; `alpha` fades the whole veil with its slide.
void draw_scrim(ImDrawList* list, const Rect& solid, const ScrimFades& fades, uint32_t colour, float alpha);

// The veil's opacity, 0 to 1, at `t` of the way from where it is clear to where it is solid.
float scrim_profile(float t);

}  // namespace kiosk::ui
