#include "kiosk/ui/home_layout.h"

#include <algorithm>

#include "kiosk/ui/figure_display.h"

namespace kiosk::ui {
namespace {
constexpr float kSafeAreaReference = 48;  // the brief's: nothing that matters in the outer 48 px

HomeLayout lay_out(const ViewContext& ctx, const TileMetrics& metrics) {
  using content::UiKey;
  const auto& c = ctx.canvas();
  HomeLayout h;
  h.metrics = metrics;
  float m = c.margin();
  float width = c.width - 2 * m;
  h.title_top = top_bar_bottom(c) + ctx.px(metrics.title_gap);
  h.subtitle_top =
      h.title_top + measure_text_block(ctx.style(Role::Title, colour::text, 1.2f), ctx.ui(UiKey::home_title), width, 2);
  h.tiles_top = h.subtitle_top +
                measure_text_block(ctx.style(Role::Caption, colour::muted), ctx.ui(UiKey::home_subtitle), width, 2) +
                ctx.px(32);

  const auto& categories = ctx.content.categories();
  int columns = c.portrait ? 2 : 4;
  int rows = std::max(1, (static_cast<int>(categories.size()) + columns - 1) / columns);
  float gutter = ctx.px(c.portrait ? 32 : 28);
  float tile_w = (width - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float pad = ctx.px(kTilePadReference), text_w = tile_w - 2 * pad, gap = ctx.px(kTileGapReference);
  auto heading = ctx.style(Role::Heading, colour::text, 1.15f);
  auto caption = ctx.style(Role::Caption, colour::muted, 1.3f);
  FigureLook look{Role::Heading, Role::Caption, colour::gold, 1, 1};

  float tallest = 0;
  for (const auto& cat : categories) {
    TileLayout t;
    t.heading_h = measure_text_block(heading, text::pick(cat.title, ctx.lang), text_w);
    t.needed = pad + ctx.px(metrics.heading_top) + t.heading_h + pad;
    if (const auto* teaser = ctx.content.teaser(cat.id)) {
      t.teaser = true;
      t.figure_h = measure_figure_display(ctx.fonts(), text::pick(teaser->figure, ctx.lang), text_w, ctx.px(6), look);
      t.caption_h = measure_text_block(caption, text::pick(teaser->title, ctx.lang), text_w, metrics.caption_lines);
      t.needed += gap + t.figure_h + gap + t.caption_h;
    }
    tallest = std::max(tallest, t.needed);
    h.tiles.push_back(t);
  }

  // As tall as the tallest content, at least the design's tile where there is room for
  // it; down to the safe area rather than under the outer margin if the text needs it.
  auto share = [&](float bottom) {
    return (bottom - h.tiles_top - gutter * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  };
  float tile_h = std::max(tallest, std::min(ctx.px(c.portrait ? 380 : 360), share(c.height - m)));
  if (tile_h > share(c.height - m)) tile_h = std::max(tallest, share(c.height - ctx.px(kSafeAreaReference)));
  h.fits = tile_h <= share(c.height - ctx.px(kSafeAreaReference)) + 0.5f;
  for (size_t i = 0; i < h.tiles.size(); ++i) {
    float x0 = m + static_cast<float>(i % static_cast<size_t>(columns)) * (tile_w + gutter);
    float y0 = h.tiles_top + static_cast<float>(i / static_cast<size_t>(columns)) * (tile_h + gutter);
    h.tiles[i].rect = {ImVec2(x0, y0), ImVec2(x0 + tile_w, y0 + tile_h)};
  }
  h.tiles_bottom = h.tiles_top + static_cast<float>(rows) * (tile_h + gutter) - gutter;
  return h;
}

}  // namespace

HomeLayout lay_out_home(const ViewContext& ctx) {
  auto h = lay_out(ctx, TileMetrics{});
  if (h.fits) return h;
  TileMetrics compact;
  compact.heading_top = 52;
  compact.icon = 40;
  compact.icon_centre = 24;
  compact.count_top = 6;
  compact.caption_lines = 1;
  compact.title_gap = 20;
  compact.tiles_gap = 20;
  return lay_out(ctx, compact);
}

}  // namespace kiosk::ui
