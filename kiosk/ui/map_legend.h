#pragma once
// The district map's key, on a panel beside the map: what the numbered
// discs, 'you are here', the river band and the dashed boundary are (and that the
// positions are estimated), a north arrow and a one-kilometre scale bar.

#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

struct MapLegendSpec {
  float px_per_km = 0;  // the map as drawn: its height over the frame's north-south extent
  bool site = false;    // the kiosk has 'you are here' on this map
  int columns = 1;      // the keys side by side (a wide panel under the portrait list)
};

// The panel's size for `spec`, within `width`.
ImVec2 measure_map_legend(const ViewContext& ctx, const MapLegendSpec& spec, float width);
void draw_map_legend(const ViewContext& ctx, const MapLegendSpec& spec, ImVec2 at, float width);

}  // namespace kiosk::ui
