#pragma once
// The district's mark on the home screen: one unbroken line drawing of Heping's own
// buildings (the Wudadao villas' pitched roofs, the Jiefang North Road banks' dome and
// columns, the clock tower of Wudadao Park, the riverside arcades and a Haihe bridge),
// standing on the header's rule. Drawn, not a picture: it is as sharp at any scale.

#include <imgui.h>

#include <cstdint>

#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

// The skyline in `box` (its bottom edge is the ground line), stroked `thickness` wide in
// `colour`; the clock's face is dotted in `accent`.
void draw_skyline(ImDrawList* list, const Rect& box, uint32_t colour, uint32_t accent, float thickness);

}  // namespace kiosk::ui
