#include <algorithm>
#include <cmath>
#include <vector>

#include "kiosk/controller/controller.h"
#include "kiosk/ui/figure_display.h"
#include "kiosk/ui/image_view.h"
#include "kiosk/ui/layout_log.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {

content::UiKey kind_key(content::ItemKind kind) {
  switch (kind) {
    case content::ItemKind::Figure: return content::UiKey::kind_figure;
    case content::ItemKind::Project: return content::UiKey::kind_project;
    case content::ItemKind::Landmark: return content::UiKey::kind_landmark;
    case content::ItemKind::Story: return content::UiKey::kind_story;
  }
  return content::UiKey::kind_story;
}

constexpr float kCardPad = 28;

// A card's text column: beside its picture (a square of the card's least height), if any.
float text_left(const ViewContext& ctx, const content::ItemSummary& item, float card_x, float least_h) {
  float pad = ctx.px(kCardPad);
  return card_x + pad + (controller::card_shows_picture(item) ? least_h - 2 * pad + pad : 0);
}

// The height a card needs for its kind, figure and whole title: cards grow to their text.
float card_height(const ViewContext& ctx, const content::ItemSummary& item, float card_w, float least_h) {
  float pad = ctx.px(kCardPad);
  float width = card_w - pad - (text_left(ctx, item, 0, least_h));
  auto chip = ctx.style(Role::Caption, 0, 1.3f);
  float h = pad + measure_text_block(chip, ctx.ui(kind_key(item.kind)), width, 1);
  if (!item.figure.zh.empty())
    h += measure_figure_display(ctx.fonts(), text::pick(item.figure, ctx.lang), width, ctx.px(6),
                                FigureLook{Role::Heading, Role::Caption, 0, 1, 1}) +
         ctx.px(8);
  h += measure_text_block(ctx.style(Role::Body, 0, 1.35f), text::pick(item.title, ctx.lang), width) + pad;
  return std::max(least_h, h);
}

void draw_card(const ViewContext& ctx, const content::ItemSummary& item, const Rect& r, uint32_t accent,
               float least_h) {
  Rect shown = pressed_rect(r, ctx.w.pressed(r));
  ScopedBox in_card(shown);
  float pad = ctx.px(kCardPad);
  float text_x = shown.min.x + pad;
  if (controller::card_shows_picture(item)) {
    float side = least_h - 2 * pad;
    Rect picture{ImVec2(shown.min.x + pad, shown.min.y + pad),
                 ImVec2(shown.min.x + pad + side, shown.min.y + pad + side)};
    draw_picture(ctx.list(), ctx.images, item.image_id, picture, ctx.px(12), ctx.canvas().scale);
    text_x = picture.max.x + pad;
  }
  float width = shown.max.x - pad - text_x;
  float y = shown.min.y + pad;
  auto chip = ctx.style(Role::Caption, accent, 1.3f);
  y += draw_text_block(ctx.list(), chip, ctx.ui(kind_key(item.kind)), ImVec2(text_x, y), width, 1);
  if (!item.figure.zh.empty()) {
    FigureLook look{Role::Heading, Role::Caption, colour::gold, 1, 1};
    y += draw_figure_display(ctx.list(), ctx.fonts(), text::pick(item.figure, ctx.lang), ImVec2(text_x, y), width,
                             ctx.px(6), look) +
         ctx.px(8);
  }
  auto title = ctx.style(Role::Body, colour::text, 1.35f);
  draw_text_block(ctx.list(), title, text::pick(item.title, ctx.lang), ImVec2(text_x, y), width);
}

}  // namespace

float card_least_height(const Canvas& canvas, bool large_text) {
  return canvas.px(large_text ? 280 : (canvas.portrait ? 200 : 220));
}

ImVec2 card_picture_size(const Canvas& canvas, bool large_text) {
  float side = card_least_height(canvas, large_text) - 2 * canvas.px(kCardPad);
  return ImVec2(side, side);
}

void draw_category(const ViewContext& ctx, const std::string& category_id, float scroll, ListExtent& extent) {
  const auto& c = ctx.canvas();
  draw_top_bar(ctx, true, true);
  const auto* cat = ctx.content.category(category_id);
  if (!cat) return;
  const auto& items = ctx.content.summaries(category_id);
  float m = c.margin();
  uint32_t accent = colour::from_hex(cat->accent, colour::gold);

  float head = top_bar_bottom(c) + ctx.px(40);
  ctx.list()->AddRectFilled(ImVec2(m, head + ctx.px(10)), ImVec2(m + ctx.px(10), head + ctx.px(72)), accent);
  // The title keeps clear of the count at its right, wrapping rather than running under it.
  auto count = ctx.style(Role::Caption, colour::muted, 1);
  std::string count_text = fill(ctx.ui(content::UiKey::category_item_count), "{n}", std::to_string(items.size()));
  float count_w = text_width(count, count_text);
  draw_text_block(ctx.list(), count, count_text, ImVec2(m, head + ctx.px(28)), c.width - 2 * m, 1, Align::Right);
  auto title = ctx.style(Role::Title, colour::text, 1.2f);
  float title_h = draw_text_block(ctx.list(), title, text::pick(cat->title, ctx.lang), ImVec2(m + ctx.px(32), head),
                                  c.width - 2 * m - ctx.px(32) - count_w - ctx.px(32));

  // The grid scrolls under a fixed header; only the rows in view are laid out.
  float top = head + std::max(ctx.px(120), title_h + ctx.px(34)), bottom = c.height - ctx.px(48);
  int columns = c.portrait ? 1 : 3;
  float gutter = ctx.px(28);
  float card_w = (c.width - 2 * m - gutter * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float least_h = card_least_height(c, ctx.large_text);
  size_t rows = (items.size() + static_cast<size_t>(columns) - 1) / static_cast<size_t>(columns);
  // Each row as tall as its tallest card's text: the list scrolls rather than cut a title.
  std::vector<float> row_heights(rows, least_h);
  for (size_t i = 0; i < items.size(); ++i) {
    float& h = row_heights[i / static_cast<size_t>(columns)];
    h = std::max(h, card_height(ctx, items[i], card_w, least_h));
  }
  extent.content = ctx.px(kListEndPadReference) - gutter;
  for (float h : row_heights) extent.content += h + gutter;
  extent.viewport = bottom - top;
  ctx.list()->PushClipRect(ImVec2(0, top), ImVec2(c.width, bottom), true);
  float y = top - scroll;
  for (size_t row = 0; row < rows; ++row) {
    float card_h = row_heights[row];
    if (y > bottom) break;
    if (y + card_h < top) {
      y += card_h + gutter;
      continue;
    }
    for (size_t col = 0; col < static_cast<size_t>(columns); ++col) {
      size_t i = row * static_cast<size_t>(columns) + col;
      if (i >= items.size()) break;
      float x = m + static_cast<float>(col) * (card_w + gutter);
      Rect r{ImVec2(x, y), ImVec2(x + card_w, y + card_h)};
      ctx.w.card(r);
      // Only the part of a card inside the list's clip can be tapped.
      Rect visible{ImVec2(r.min.x, std::max(r.min.y, top)), ImVec2(r.max.x, std::min(r.max.y, bottom))};
      if (visible.min.y < visible.max.y) ctx.w.hit(visible, controller::OpenItem{items[i].id});
      draw_card(ctx, items[i], r, accent, least_h);
    }
    y += card_h + gutter;
  }
  ctx.list()->PopClipRect();
  draw_list_edges(ctx, top, bottom, scroll, extent);
}

}  // namespace kiosk::ui
