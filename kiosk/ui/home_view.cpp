#include <algorithm>

#include "kiosk/ui/figure_display.h"
#include "kiosk/ui/home_layout.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/layout_log.h"
#include "kiosk/ui/skyline.h"

namespace kiosk::ui {

void draw_home(const ViewContext& ctx) {
  using content::UiKey;
  const auto& c = ctx.canvas();
  float bar_free_end = draw_top_bar(ctx, false, false);
  auto layout = lay_out_home(ctx);
  float m = c.margin();
  float width = c.width - 2 * m;
  // The ways into the report's full text and the district map sit in the top bar's free
  // left end: on their own row under the title they took the height the tiles need.
  {
    float pill_h = ctx.px(kTopBarHeight), top = top_bar_bottom(c) - pill_h, x = m;
    // The language and text-size pills hold the bar's right end: a pill that would reach
    // them is left out (large English in portrait has room for one).
    float room_end = bar_free_end - ctx.px(24);
    auto pill = [&](const std::string& label, controller::Action action, uint32_t colour) {
      float w = text_width(ctx.style(Role::Label, colour::text), label) + 2 * ctx.px(32);
      if (x + w > room_end) return;
      ctx.w.pill({ImVec2(x, top), ImVec2(x + w, top + pill_h)}, label, false, action, colour);
      x += w + ctx.px(16);
    };
    if (!ctx.content.report_sections().empty())
      pill(ctx.ui(UiKey::read_report), controller::OpenReport{}, colour::gold);
    if (ctx.content.district_map()) pill(ctx.ui(UiKey::open_map), controller::OpenMap{}, colour::teal);
  }
  draw_text_block(ctx.list(), ctx.style(Role::Title, colour::text, 1.2f), ctx.ui(UiKey::home_title),
                  ImVec2(m, layout.title_top), width);
  draw_text_block(ctx.list(), ctx.style(Role::Caption, colour::muted, 1.3f), home_subtitle(ctx),
                  ImVec2(m, layout.subtitle_top), width);
  // The district's rule under the header, the skyline standing on it in gold.
  ctx.list()->AddRectFilled(ImVec2(m, layout.rule_y - ctx.px(1.5f)), ImVec2(c.width - m, layout.rule_y + ctx.px(1.5f)),
                            colour::with_alpha(colour::gold, 0.55f));
  if (layout.skyline.width() > 0) draw_skyline(ctx.list(), layout.skyline, colour::gold, colour::haitang, ctx.px(3));

  const auto& categories = ctx.content.categories();
  const auto& tm = layout.metrics;
  float pad = ctx.px(tm.pad), gap = ctx.px(tm.gap);
  auto heading = ctx.style(Role::Heading, colour::text, 1.15f);
  auto caption = ctx.style(Role::Caption, colour::muted, 1.3f);
  auto count = ctx.style(Role::Caption, colour::muted, 1.3f);
  for (size_t i = 0; i < categories.size() && i < layout.tiles.size(); ++i) {
    const auto& cat = categories[i];
    const auto& tile = layout.tiles[i];
    const Rect& r = tile.rect;
    ctx.w.card(r);
    ctx.w.hit(r, controller::OpenCategory{cat.id});
    Rect shown = pressed_rect(r, ctx.w.pressed(r));
    ScopedBox in_tile(shown);
    uint32_t accent = colour::from_hex(cat.accent, colour::gold);
    ctx.list()->AddRectFilled(shown.min, ImVec2(shown.max.x, shown.min.y + ctx.px(8)), accent, ctx.px(18),
                              ImDrawFlags_RoundCornersTop);
    float x = shown.min.x + pad, top = shown.min.y + pad, text_w = shown.width() - 2 * pad;
    // The icon beside the heading, centred on its first line.
    float icon = ctx.px(tm.icon), first_line = heading.size * heading.line_spacing;
    draw_icon(ctx.list(), cat.icon, ImVec2(x + icon / 2, top + std::max(icon, first_line) / 2 - ctx.px(2)), icon,
              accent);
    float icon_w = ctx.px(tm.icon + tm.icon_gap);
    draw_text_block(ctx.list(), heading, text::pick(cat.title, ctx.lang),
                    ImVec2(x + icon_w, top + std::max(0.0f, (icon - first_line) / 2)), text_w - icon_w,
                    kTileHeadingLines);
    std::string n =
        fill(ctx.ui(UiKey::category_item_count), "{n}", std::to_string(ctx.content.summaries(cat.id).size()));
    float count_h = count.size * count.line_spacing;
    const auto* teaser = tile.teaser ? ctx.content.teaser(cat.id) : nullptr;
    // The count at the foot, right, where the teaser's figure leaves no room beside it.
    if (!tile.count_beside_figure)
      draw_text_block(ctx.list(), count, n, ImVec2(shown.min.x, shown.max.y - pad - count_h), shown.width() - pad, 1,
                      Align::Right);
    if (!teaser) continue;
    // The teaser sits at the foot of the tile (over the count, if that has its own line),
    // under the heading however many lines it took; the layout made the tile tall enough.
    float foot = shown.max.y - pad - (tile.count_beside_figure ? 0 : count_h + gap);
    float fy = std::max(top + tile.heading_h + 2 * gap, foot - tile.caption_h - gap - tile.figure_h);
    FigureLook look{Role::Heading, Role::Caption, colour::gold, 1, 1};
    draw_figure_display(ctx.list(), ctx.fonts(), text::pick(teaser->figure, ctx.lang), ImVec2(x, fy), text_w, ctx.px(6),
                        look);
    if (tile.count_beside_figure) {
      // On the figure's baseline: the figure's digits are the heading's size.
      float drop = ctx.fonts().size(Role::Heading) - count.size * 1.1f;
      draw_text_block(ctx.list(), count, n, ImVec2(shown.min.x, fy + drop), shown.width() - pad, 1, Align::Right);
    }
    draw_text_block(ctx.list(), caption, text::pick(teaser->title, ctx.lang), ImVec2(x, fy + tile.figure_h + gap),
                    text_w, kTileCaptionLines);
  }
}

}  // namespace kiosk::ui
