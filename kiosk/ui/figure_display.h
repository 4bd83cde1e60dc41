#pragma once
// A figure as the report words it: the digits large, the qualifier and unit at about
// 40% of their size on the same baseline. Every frame draws the whole display string;
// a reveal only moves it into place (rising, fading in) and draws a rule out under it.

#include <imgui.h>

#include <string>

#include "kiosk/ui/fonts.h"

namespace kiosk::ui {

struct FigureLook {
  Role digits = Role::Figure;
  Role unit = Role::FigureUnit;
  uint32_t colour = 0;
  float alpha = 1;
  double reveal = 1;  // 0..1 of the reveal (eased); 1 is the figure at rest
  bool rule = false;  // a rule under the figure, drawn out as it is revealed
};

// Draws `display` at `origin` within `width`; returns the height used. The rule, if any,
// lies two `gap`s under the last line's baseline, inside the height or just below it.
// The height draw_figure_display would use, without drawing.
float measure_figure_display(const Fonts& fonts, const std::string& display, float width, float gap,
                             const FigureLook& look);
float draw_figure_display(ImDrawList* list, const Fonts& fonts, const std::string& display, ImVec2 origin, float width,
                          float gap, const FigureLook& look);

// The height draw_figure_display would use, without drawing: for layouts sized to their text.
float measure_figure_display(const Fonts& fonts, const std::string& display, float width, float gap,
                             const FigureLook& look);
// How wide the figure's widest line is drawn within `width`: what is left beside it.
float measure_figure_width(const Fonts& fonts, const std::string& display, float width, float gap,
                           const FigureLook& look);

}  // namespace kiosk::ui
