#include <algorithm>

#include "kiosk/ui/figure_display.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

void draw_home(const ViewContext& ctx) {
  using content::UiKey;
  const auto& c = ctx.canvas();
  draw_top_bar(ctx, false, false);
  float m = c.margin();
  float title_top = top_bar_bottom(c) + ctx.px(36);
  float title_width = c.width - 2 * m;
  auto title = ctx.style(Role::Title, colour::text, 1.2f);
  float y =
      title_top + draw_text_block(ctx.list(), title, ctx.ui(UiKey::home_title), ImVec2(m, title_top), title_width, 2);
  // The subtitle shares its row with the way into the report's full text, at its right.
  std::string read = ctx.ui(UiKey::read_report);
  float pill_h = ctx.px(kTopBarHeight);
  float pill_w = text_width(ctx.style(Role::Label, colour::text), read) + 2 * ctx.px(32);
  // The district map's pill stands before the report's, when the bundle has a map.
  std::string map = ctx.ui(UiKey::open_map);
  float map_w = ctx.content.district_map() ? text_width(ctx.style(Role::Label, colour::text), map) + 2 * ctx.px(32) : 0;
  auto subtitle = ctx.style(Role::Caption, colour::muted);
  float row_h = std::max(pill_h, subtitle.size * subtitle.line_spacing);
  draw_text_block(ctx.list(), subtitle, ctx.ui(UiKey::home_subtitle),
                  ImVec2(m, y + (row_h - subtitle.size * subtitle.line_spacing) * 0.5f),
                  title_width - pill_w - (map_w > 0 ? map_w + ctx.px(24) : 0) - ctx.px(32), 1);
  if (map_w > 0)
    ctx.w.pill(
        {ImVec2(c.width - m - pill_w - ctx.px(24) - map_w, y), ImVec2(c.width - m - pill_w - ctx.px(24), y + pill_h)},
        map, false, controller::OpenMap{}, colour::teal);
  if (!ctx.content.report_sections().empty())
    ctx.w.pill({ImVec2(c.width - m - pill_w, y), ImVec2(c.width - m, y + pill_h)}, read, false,
               controller::OpenReport{});
  y += row_h;

  const auto& categories = ctx.content.categories();
  int columns = c.portrait ? 2 : 4;
  int rows = (static_cast<int>(categories.size()) + columns - 1) / columns;
  float gutter = ctx.px(32);
  float top = y + ctx.px(40);
  float bottom = c.height - m;
  float tile_w = (c.width - 2 * m - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float tile_h = std::min(ctx.px(c.portrait ? 380 : 360), (bottom - top - gutter * static_cast<float>(rows - 1)) /
                                                              static_cast<float>(std::max(rows, 1)));
  for (size_t i = 0; i < categories.size(); ++i) {
    const auto& cat = categories[i];
    float x0 = m + static_cast<float>(i % static_cast<size_t>(columns)) * (tile_w + gutter);
    float y0 = top + static_cast<float>(i / static_cast<size_t>(columns)) * (tile_h + gutter);
    Rect r{ImVec2(x0, y0), ImVec2(x0 + tile_w, y0 + tile_h)};
    ctx.w.card(r);
    ctx.w.hit(r, controller::OpenCategory{cat.id});
    Rect shown = pressed_rect(r, ctx.w.pressed(r));
    uint32_t accent = colour::from_hex(cat.accent, colour::gold);
    float pad = ctx.px(32);
    ctx.list()->AddRectFilled(shown.min, ImVec2(shown.max.x, shown.min.y + ctx.px(8)), accent, ctx.px(18),
                              ImDrawFlags_RoundCornersTop);
    draw_icon(ctx.list(), cat.icon, ImVec2(shown.min.x + pad + ctx.px(28), shown.min.y + pad + ctx.px(36)), ctx.px(56),
              accent);
    auto count = ctx.style(Role::Caption, colour::muted, 1);
    std::string n =
        fill(ctx.ui(UiKey::category_item_count), "{n}", std::to_string(ctx.content.summaries(cat.id).size()));
    draw_text_block(ctx.list(), count, n, ImVec2(shown.min.x, shown.min.y + pad + ctx.px(20)), shown.width() - pad, 1,
                    Align::Right);
    auto heading = ctx.style(Role::Heading, colour::text, 1.15f);
    float text_w = shown.width() - 2 * pad;
    float heading_y = shown.min.y + pad + ctx.px(84);
    float heading_end = heading_y + draw_text_block(ctx.list(), heading, text::pick(cat.title, ctx.lang),
                                                    ImVec2(shown.min.x + pad, heading_y), text_w, 2);
    // The teaser sits at the foot of the tile, under the heading however many lines it took.
    if (const auto* teaser = ctx.content.teaser(cat.id)) {
      auto caption = ctx.style(Role::Caption, colour::muted, 1.3f);
      float caption_h = caption.size * caption.line_spacing;
      float fy = std::max(heading_end + ctx.px(8), shown.max.y - pad - caption_h - ctx.px(60));
      FigureLook look{Role::Heading, Role::Caption, colour::gold, 1, 1};
      fy += draw_figure_display(ctx.list(), ctx.fonts(), text::pick(teaser->figure, ctx.lang),
                                ImVec2(shown.min.x + pad, fy), text_w, ctx.px(6), look) +
            ctx.px(8);
      if (fy + caption_h <= shown.max.y - pad * 0.5f)
        draw_text_block(ctx.list(), caption, text::pick(teaser->title, ctx.lang), ImVec2(shown.min.x + pad, fy), text_w,
                        1);
    }
  }
}

}  // namespace kiosk::ui
