#pragma once
// The home screen laid out from its measured text: the tiles are as tall as their
// tallest content needs (the heading wrapped whole, the teaser's figure and its caption),
// so larger text and long English titles take more room instead of losing the caption.

#include <vector>

#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

struct TileLayout {
  Rect rect;            // the tile at rest (a press draws it scaled)
  float heading_h = 0;  // the whole heading, wrapped
  bool teaser = false;  // the category has a figure to tease with
  float figure_h = 0, caption_h = 0;
  float needed = 0;  // the height its content takes, padding included
};

// The tile's own spacing: the design's, or a compact one (a smaller icon row, one line of
// caption, closer rows) where the design's does not fit, larger text in landscape. Only
// spacing and the icon give way: no text is set smaller.
struct TileMetrics {
  float heading_top = 76;  // under the icon's row
  float icon = 56, icon_centre = 32, count_top = 16;
  int caption_lines = 2;
  float title_gap = 36, tiles_gap = 32;  // above the title, above the tiles
};

struct HomeLayout {
  TileMetrics metrics;  // in reference pixels
  float title_top = 0, subtitle_top = 0, tiles_top = 0, tiles_bottom = 0;
  std::vector<TileLayout> tiles;
  bool fits = true;  // every tile's content fits its tile inside the safe area
};

// Tile geometry at the reference canvas, shared by the layout and the drawing.
constexpr float kTilePadReference = 32;
constexpr float kTileGapReference = 8;

HomeLayout lay_out_home(const ViewContext& ctx);

}  // namespace kiosk::ui
