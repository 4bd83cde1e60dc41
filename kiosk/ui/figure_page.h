#pragma once
// A figure's detail page in portrait, composed for the tall screen rather than left with
// its lower half empty: the figure on a panel of its category's colour (the category's
// mark, its name and the kind, the figure at its display size over a rule), and, where
// the page leaves room under the report's words, the category's other figures as cards
// that open them. Only the report's own figures and titles.

#include "kiosk/content/model.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

// The panel; returns the height used.
float draw_figure_panel(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, uint32_t accent);

// The category's other figures, as many rows of two cards as fit in `room`; returns the
// height used (0 when not one row fits, or there are none).
float draw_related_figures(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, float room,
                           uint32_t accent);

}  // namespace kiosk::ui
