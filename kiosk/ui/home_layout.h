#pragma once
// The home screen laid out from its measured text: the district's header (title, the
// report's occasion, the skyline on its rule) and the category tiles, each as tall as its
// content needs (the icon beside the heading wrapped whole, the teaser's figure with the
// item count beside it where there is room, the caption wrapped whole), so larger text and
// long English titles take more room instead of losing any of it.

#include <vector>

#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

struct TileLayout {
  Rect rect;            // the tile at rest (a press draws it scaled)
  float heading_h = 0;  // the icon's row: the whole heading, wrapped, or the icon if taller
  bool teaser = false;  // the category has a figure to tease with
  float figure_h = 0, caption_h = 0;
  bool count_beside_figure = false;  // else on its own line at the foot
  float needed = 0;                  // the height its content takes, padding included
};

// The tile's spacing and the header's: the design's, or a compact one (closer rows, no
// skyline band) where the design's does not fit. Only spacing gives way: no text is set
// smaller, none is cut short.
struct TileMetrics {
  float icon = 56, icon_gap = 20;
  float pad = 28, gutter = 28;           // inside a tile, between tiles
  float gap = 10;                        // between a tile's heading, figure, caption and count
  float title_gap = 36, tiles_gap = 40;  // above the title, above the tiles
  float rule_gap = 14;                   // between the subtitle and the rule
  bool skyline_band = true;              // a band of its own where it cannot stand beside the subtitle
};

struct HomeLayout {
  TileMetrics metrics;  // in reference pixels
  float title_top = 0, subtitle_top = 0, subtitle_h = 0;
  Rect skyline;  // empty: no room for it
  float rule_y = 0, tiles_top = 0, tiles_bottom = 0;
  std::vector<TileLayout> tiles;
  bool fits = true;  // every tile's content fits its tile inside the safe area
};

// Past these a heading or caption ends in "…": no text of the report comes near them, so
// they are the defence against an operator's over-long text taking the screen.
constexpr int kTileHeadingLines = 4, kTileCaptionLines = 4;

// The line under the title: the part of the review shown, and when and where the report
// was given.
std::string home_subtitle(const ViewContext& ctx);

HomeLayout lay_out_home(const ViewContext& ctx);

}  // namespace kiosk::ui
