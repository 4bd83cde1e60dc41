#pragma once
// Category icons and navigation glyphs drawn from simple geometry, in one line weight.

#include <imgui.h>

#include <cstdint>
#include <string>

namespace kiosk::ui {

// `name` is a category icon (content::kCategoryIconNames: chart, building, handshake, key,
// city, heart, shield, star, landmark, leaf) or a navigation glyph (back, home, left,
// right); unknown names draw a dot.
void draw_icon(ImDrawList* list, const std::string& name, ImVec2 centre, float size, uint32_t colour);

}  // namespace kiosk::ui
