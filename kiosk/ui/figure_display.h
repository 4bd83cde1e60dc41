#pragma once
// A figure as the report words it: the digits large, the qualifier and unit at about
// 40% of their size on the same baseline, counting up to the report's number.

#include <imgui.h>

#include <string>

#include "kiosk/ui/fonts.h"

namespace kiosk::ui {

struct FigureLook {
  Role digits = Role::Figure;
  Role unit = Role::FigureUnit;
  uint32_t colour = 0;
  float alpha = 1;
  double progress = 1;  // 0..1 of the count-up (eased); 1 shows the report's figure
};

// Draws `display` at `origin` within `width`; returns the height used.
float draw_figure_display(ImDrawList* list, const Fonts& fonts, const std::string& display, ImVec2 origin, float width,
                          float gap, const FigureLook& look);

}  // namespace kiosk::ui
