#include "kiosk/ui/figure_page.h"

#include <algorithm>
#include <vector>

#include "kiosk/ui/figure_display.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/layout_log.h"

namespace kiosk::ui {

float draw_figure_panel(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, uint32_t accent) {
  using content::UiKey;
  const auto* cat = ctx.content.category(item.category_id);
  float pad = ctx.px(48), inner = width - 2 * pad;
  auto label = ctx.style(Role::Caption, accent, 1.3f);
  std::string kicker = (cat ? text::pick(cat->title, ctx.lang) + "  /  " : std::string()) + ctx.ui(UiKey::kind_figure);
  FigureLook look{Role::Figure, Role::FigureUnit, colour::gold, 1, 1, true};
  const std::string& display = ctx.lang == text::Lang::Zh ? item.figure->display_zh : item.figure->display_en;
  float icon = ctx.px(72);
  float label_h = std::max(icon, measure_text_block(label, kicker, inner - icon - ctx.px(24)));
  float figure_h = measure_figure_display(ctx.fonts(), display, inner, ctx.px(12), look);
  float h = pad + label_h + ctx.px(56) + figure_h + ctx.px(56) + pad;

  Rect panel{at, ImVec2(at.x + width, at.y + h)};
  ctx.list()->AddRectFilled(panel.min, panel.max, colour::surface, ctx.px(24));
  ctx.list()->AddRectFilled(panel.min, ImVec2(panel.max.x, panel.min.y + ctx.px(10)), accent, ctx.px(24),
                            ImDrawFlags_RoundCornersTop);
  ScopedBox in_panel(panel);
  float x = at.x + pad, y = at.y + pad;
  if (cat) draw_icon(ctx.list(), cat->icon, ImVec2(x + icon / 2, y + icon / 2), icon, accent);
  float line = label.size * label.line_spacing;
  draw_text_block(ctx.list(), label, kicker, ImVec2(x + icon + ctx.px(24), y + std::max(0.0f, (icon - line) / 2)),
                  inner - icon - ctx.px(24));
  y += label_h + ctx.px(56);
  draw_figure_display(ctx.list(), ctx.fonts(), display, ImVec2(x, y), inner, ctx.px(12), look);
  return h;
}

float draw_related_figures(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, float room,
                           uint32_t accent) {
  using content::UiKey;
  std::vector<const content::ItemSummary*> others;
  for (const auto& s : ctx.content.summaries(item.category_id))
    if (s.id != item.id && !text::pick(s.figure, ctx.lang).empty()) others.push_back(&s);
  if (others.empty()) return 0;

  auto heading = ctx.style(Role::Caption, accent, 1.3f);
  std::string label = ctx.ui(UiKey::related_figures);
  float heading_h = measure_text_block(heading, label, width) + ctx.px(16);
  float gap = ctx.px(24), card_w = (width - gap) / 2, pad = ctx.px(28), inner = card_w - 2 * pad;
  FigureLook look{Role::Heading, Role::Caption, colour::gold, 1, 1};
  auto title = ctx.style(Role::Caption, colour::text, 1.3f);
  auto card_h = [&](const content::ItemSummary& s) {
    return pad + measure_figure_display(ctx.fonts(), text::pick(s.figure, ctx.lang), inner, ctx.px(6), look) +
           ctx.px(10) + measure_text_block(title, text::pick(s.title, ctx.lang), inner) + pad;
  };
  // Whole rows only, as many as the room takes: a card half off the page would be cut.
  std::vector<float> rows;
  float used = heading_h;
  for (size_t i = 0; i < others.size(); i += 2) {
    float h = card_h(*others[i]);
    if (i + 1 < others.size()) h = std::max(h, card_h(*others[i + 1]));
    if (used + h > room) break;
    rows.push_back(h);
    used += h + gap;
  }
  if (rows.empty()) return 0;

  draw_text_block(ctx.list(), heading, label, at, width);
  float y = at.y + heading_h;
  for (size_t r = 0; r < rows.size(); y += rows[r] + gap, ++r)
    for (size_t c = 0; c < 2 && r * 2 + c < others.size(); ++c) {
      const auto& s = *others[r * 2 + c];
      float x = at.x + static_cast<float>(c) * (card_w + gap);
      Rect card{ImVec2(x, y), ImVec2(x + card_w, y + rows[r])};
      ctx.w.card(card);
      ctx.w.hit(card, controller::OpenItem{s.id});
      Rect shown = pressed_rect(card, ctx.w.pressed(card));
      ScopedBox in_card(shown);
      ctx.list()->AddRectFilled(shown.min, ImVec2(shown.min.x + ctx.px(6), shown.max.y), accent, ctx.px(16),
                                ImDrawFlags_RoundCornersLeft);
      float fy = shown.min.y + pad;
      fy += draw_figure_display(ctx.list(), ctx.fonts(), text::pick(s.figure, ctx.lang), ImVec2(shown.min.x + pad, fy),
                                inner, ctx.px(6), look) +
            ctx.px(10);
      draw_text_block(ctx.list(), title, text::pick(s.title, ctx.lang), ImVec2(shown.min.x + pad, fy), inner);
    }
  return y - gap - at.y;
}

}  // namespace kiosk::ui
