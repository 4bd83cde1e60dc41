#include "kiosk/ui/figure_display.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

Action draw_home(const ViewContext& ctx) {
  const auto& c = ctx.canvas();
  Action action = draw_top_bar(ctx, false, false);
  float m = c.margin();
  // The title shares its row with the toggles in landscape; portrait gives it its own.
  float title_top = c.portrait ? top_bar_bottom(c) + ctx.px(40) : ctx.px(56);
  float title_width = c.portrait ? c.width - 2 * m : ctx.px(1000);
  auto title = ctx.style(Role::Title, colour::text, 1.2f);
  float y = title_top + draw_text_block(ctx.list(), title, ctx.ui("home_title"), ImVec2(m, title_top), title_width, 2);
  auto subtitle = ctx.style(Role::Caption, colour::muted);
  draw_text_block(ctx.list(), subtitle, ctx.ui("home_subtitle"), ImVec2(m, y), title_width, 1);

  const auto& categories = ctx.content.categories();
  int columns = c.portrait ? 2 : 4;
  int rows = (static_cast<int>(categories.size()) + columns - 1) / columns;
  float gutter = ctx.px(32);
  float top = std::max(y + ctx.px(80), c.portrait ? ctx.px(520) : ctx.px(300));
  float bottom = c.height - m;
  float tile_w = (c.width - 2 * m - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float tile_h = (bottom - top - gutter * static_cast<float>(rows - 1)) / static_cast<float>(std::max(rows, 1));
  for (size_t i = 0; i < categories.size(); ++i) {
    const auto& cat = categories[i];
    float x0 = m + static_cast<float>(i % static_cast<size_t>(columns)) * (tile_w + gutter);
    float y0 = top + static_cast<float>(i / static_cast<size_t>(columns)) * (tile_h + gutter);
    Rect r{ImVec2(x0, y0), ImVec2(x0 + tile_w, y0 + tile_h)};
    if (ctx.w.card(r)) action = {Action::OpenCategory, cat.id};
    Rect shown = pressed_rect(r, ctx.w.pressed(r));
    uint32_t accent = colour::from_hex(cat.accent, colour::gold);
    float pad = ctx.px(32);
    ctx.list()->AddRectFilled(shown.min, ImVec2(shown.max.x, shown.min.y + ctx.px(8)), accent, ctx.px(18),
                              ImDrawFlags_RoundCornersTop);
    draw_icon(ctx.list(), cat.icon, ImVec2(shown.min.x + pad + ctx.px(28), shown.min.y + pad + ctx.px(36)), ctx.px(56),
              accent);
    auto count = ctx.style(Role::Caption, colour::muted, 1);
    std::string n = fill(ctx.ui("category_item_count"), "{n}", std::to_string(ctx.content.summaries(cat.id).size()));
    draw_text_block(ctx.list(), count, n, ImVec2(shown.min.x, shown.min.y + pad + ctx.px(20)), shown.width() - pad, 1,
                    Align::Right);
    auto heading = ctx.style(Role::Heading, colour::text, 1.2f);
    draw_text_block(ctx.list(), heading, text::pick(cat.title, ctx.lang),
                    ImVec2(shown.min.x + pad, shown.min.y + pad + ctx.px(92)), shown.width() - 2 * pad, 2);
    if (const auto* teaser = ctx.content.teaser(cat.id)) {
      FigureLook look{Role::Heading, Role::Caption, colour::gold, 1, 1};
      float fy = shown.max.y - pad - ctx.px(100);
      draw_figure_display(ctx.list(), ctx.fonts(), text::pick(teaser->figure, ctx.lang), ImVec2(shown.min.x + pad, fy),
                          shown.width() - 2 * pad, ctx.px(6), look);
      auto caption = ctx.style(Role::Caption, colour::muted, 1.3f);
      draw_text_block(ctx.list(), caption, text::pick(teaser->title, ctx.lang),
                      ImVec2(shown.min.x + pad, fy + ctx.px(58)), shown.width() - 2 * pad, 1);
    }
  }
  return action;
}

}  // namespace kiosk::ui
