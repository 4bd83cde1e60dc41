#pragma once
// The figures an item gives after its lead one, set as a group under it: each a smaller
// figure in the lead's treatment (digits, qualifier and unit on one baseline) over the
// report's words for what it counts, two abreast where they fit.

#include <vector>

#include "kiosk/content/model.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

// Lays the group out in `width` at `at` and draws it unless `draw` is false; returns the
// height it takes (0 for no figures).
float figure_group(const ViewContext& ctx, const std::vector<content::Figure>& figures, ImVec2 at, float width,
                   bool draw);

}  // namespace kiosk::ui
