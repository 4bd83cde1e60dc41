#include "kiosk/ui/home_layout.h"

#include <algorithm>

#include "kiosk/ui/figure_display.h"

namespace kiosk::ui {
namespace {
constexpr float kSafeAreaReference = 48;  // the brief's: nothing that matters in the outer 48 px
// The skyline's shape is drawn for about 7:1; narrower than this it reads as a scribble.
constexpr float kSkylineLeast = 300, kSkylineMost = 560, kSkylineHeight = 76;

FigureLook tile_figure_look() {
  return {Role::Heading, Role::Caption, colour::gold, 1, 1};
}

HomeLayout lay_out(const ViewContext& ctx, const TileMetrics& metrics) {
  using content::UiKey;
  const auto& c = ctx.canvas();
  HomeLayout h;
  h.metrics = metrics;
  float m = c.margin();
  float width = c.width - 2 * m;
  h.title_top = top_bar_bottom(c) + ctx.px(metrics.title_gap);
  h.subtitle_top =
      h.title_top + measure_text_block(ctx.style(Role::Title, colour::text, 1.2f), ctx.ui(UiKey::home_title), width);
  auto sub = ctx.style(Role::Caption, colour::muted, 1.3f);
  std::string subtitle = home_subtitle(ctx);
  h.subtitle_h = measure_text_block(sub, subtitle, width);
  float rule_gap = ctx.px(metrics.rule_gap);
  // The skyline stands on the rule: beside a one-line subtitle where it leaves room,
  // else in a band of its own over the rule, else (compact) not at all.
  float free = width - text_width(sub, subtitle) - ctx.px(48);
  bool one_line = h.subtitle_h <= sub.size * sub.line_spacing + 0.5f;
  float sky_h = ctx.px(kSkylineHeight);
  h.rule_y = h.subtitle_top + h.subtitle_h + rule_gap;
  if (one_line && free >= ctx.px(kSkylineLeast)) {
    h.rule_y = std::max(h.rule_y, h.subtitle_top + sky_h * 0.7f);
    float w = std::min(free, ctx.px(kSkylineMost));
    h.skyline = {ImVec2(c.width - m - w, h.rule_y - sky_h), ImVec2(c.width - m, h.rule_y)};
  } else if (metrics.skyline_band) {
    h.rule_y += sky_h;
    float w = std::min(width, ctx.px(kSkylineMost));
    h.skyline = {ImVec2(c.width - m - w, h.rule_y - sky_h), ImVec2(c.width - m, h.rule_y)};
  }
  h.tiles_top = h.rule_y + ctx.px(metrics.tiles_gap);

  const auto& categories = ctx.content.categories();
  int columns = c.portrait ? 2 : 4;
  int rows = std::max(1, (static_cast<int>(categories.size()) + columns - 1) / columns);
  float gutter = ctx.px(metrics.gutter);
  float tile_w = (width - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float pad = ctx.px(metrics.pad), text_w = tile_w - 2 * pad, gap = ctx.px(metrics.gap);
  float icon_w = ctx.px(metrics.icon + metrics.icon_gap);
  auto heading = ctx.style(Role::Heading, colour::text, 1.15f);
  auto caption = ctx.style(Role::Caption, colour::muted, 1.3f);
  auto count = ctx.style(Role::Caption, colour::muted, 1.3f);
  auto look = tile_figure_look();

  std::vector<float> row_needs(static_cast<size_t>(rows), 0);
  for (size_t i = 0; i < categories.size(); ++i) {
    const auto& cat = categories[i];
    TileLayout t;
    t.heading_h = std::max(ctx.px(metrics.icon), measure_text_block(heading, text::pick(cat.title, ctx.lang),
                                                                    text_w - icon_w, kTileHeadingLines));
    t.needed = pad + t.heading_h + pad;
    std::string n =
        fill(ctx.ui(UiKey::category_item_count), "{n}", std::to_string(ctx.content.summaries(cat.id).size()));
    float count_w = text_width(count, n), count_h = count.size * count.line_spacing;
    if (const auto* teaser = ctx.content.teaser(cat.id)) {
      t.teaser = true;
      const std::string& figure = text::pick(teaser->figure, ctx.lang);
      t.figure_h = measure_figure_display(ctx.fonts(), figure, text_w, ctx.px(6), look);
      t.count_beside_figure =
          measure_figure_width(ctx.fonts(), figure, text_w, ctx.px(6), look) + ctx.px(24) + count_w <= text_w;
      t.caption_h = measure_text_block(caption, text::pick(teaser->title, ctx.lang), text_w, kTileCaptionLines);
      t.needed += gap * 2 + t.figure_h + gap + t.caption_h;
    }
    if (!t.count_beside_figure) t.needed += gap + count_h;
    size_t row = i / static_cast<size_t>(columns);
    row_needs[row] = std::max(row_needs[row], t.needed);
    h.tiles.push_back(t);
  }

  // One height for every tile where the tallest content leaves room for it (at least the
  // design's tile); else each row as tall as its own tallest tile, down to the safe area.
  float bottom = c.height - m, safe_bottom = c.height - ctx.px(kSafeAreaReference);
  float gutters = gutter * static_cast<float>(rows - 1);
  float tallest = *std::max_element(row_needs.begin(), row_needs.end());
  float share = (bottom - h.tiles_top - gutters) / static_cast<float>(rows);
  std::vector<float> row_h(static_cast<size_t>(rows), 0);
  float sum = 0;
  if (tallest <= (safe_bottom - h.tiles_top - gutters) / static_cast<float>(rows)) {
    float tile_h = std::max(tallest, std::min(ctx.px(c.portrait ? 340 : 320), share));
    std::fill(row_h.begin(), row_h.end(), tile_h);
  } else {
    // Each row its own height, and what is left above the outer margin shared among them,
    // so the grid still ends where the screen's margin does.
    row_h = row_needs;
    float used = 0;
    for (float r : row_needs) used += r;
    float spare = std::max(0.0f, bottom - h.tiles_top - gutters - used) / static_cast<float>(rows);
    for (float& r : row_h) r += spare;
  }
  for (float r : row_h) sum += r;
  h.fits = h.tiles_top + sum + gutters <= safe_bottom + 0.5f;
  float y = h.tiles_top;
  for (size_t i = 0; i < h.tiles.size(); ++i) {
    size_t row = i / static_cast<size_t>(columns);
    if (i > 0 && i % static_cast<size_t>(columns) == 0) y += row_h[row - 1] + gutter;
    float x0 = m + static_cast<float>(i % static_cast<size_t>(columns)) * (tile_w + gutter);
    h.tiles[i].rect = {ImVec2(x0, y), ImVec2(x0 + tile_w, y + row_h[row])};
  }
  h.tiles_bottom = h.tiles_top + sum + gutters;
  return h;
}

}  // namespace

std::string home_subtitle(const ViewContext& ctx) {
  using content::UiKey;
  // Two spaces part them: any other mark would need a glyph of its own in every font subset.
  return ctx.ui(UiKey::home_subtitle) + "    " + ctx.ui(UiKey::home_occasion);
}

HomeLayout lay_out_home(const ViewContext& ctx) {
  auto h = lay_out(ctx, TileMetrics{});
  if (h.fits) return h;
  // First the skyline gives up its band of its own, then the spacing tightens.
  TileMetrics without_band;
  without_band.skyline_band = false;
  h = lay_out(ctx, without_band);
  if (h.fits) return h;
  TileMetrics compact;
  compact.icon = 48;
  compact.icon_gap = 14;
  compact.pad = 18;
  compact.gutter = 16;
  compact.gap = 6;
  compact.title_gap = 4;
  compact.tiles_gap = 14;
  compact.rule_gap = 8;
  compact.skyline_band = false;
  return lay_out(ctx, compact);
}

}  // namespace kiosk::ui
