#include "kiosk/controller/controller.h"
#include "kiosk/text/marks.h"
#include "kiosk/ui/figure_display.h"
#include "kiosk/ui/figure_group.h"
#include "kiosk/ui/figure_page.h"
#include "kiosk/ui/icons.h"
#include "kiosk/ui/image_view.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {

std::string source_line(const ViewContext& ctx, const content::Item& item) {
  return ctx.ui(content::UiKey::source_label) + (ctx.lang == text::Lang::Zh ? "：" : ": ") +
         text::pick(item.section, ctx.lang);
}

// 原文: the report's whole paragraph the item is drawn from, under a label, in Chinese in
// both languages (the English label says so). It is as long as the report made it: the
// column scrolls, it is never cut. Returns the height used.
float draw_original(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, uint32_t accent) {
  if (item.original_zh.empty()) return 0;
  float y = at.y;
  ctx.list()->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + width, y + ctx.px(2)), colour::with_alpha(accent, 0.5f));
  y += ctx.px(2) + ctx.px(28);
  auto label = ctx.style(Role::Caption, accent, 1.4f);
  y += draw_text_block(ctx.list(), label, ctx.ui(content::UiKey::original_label), ImVec2(at.x, y), width) + ctx.px(12);
  auto paragraph = ctx.style(Role::Body, colour::muted, 1.6f);
  y += draw_text_block(ctx.list(), paragraph, item.original_zh, ImVec2(at.x, y), width);
  return y - at.y;
}

// Title, text, the figure group where the headline beside it has no room for it, (unless
// the panel beside it shows them) the report's own words with their section, and the
// 原文. Returns the height used.
float draw_text_column(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, uint32_t accent,
                       bool with_source, bool with_group) {
  float y = at.y;
  auto title = ctx.style(Role::Title, colour::text, 1.2f);
  y += draw_text_block(ctx.list(), title, text::pick(item.title, ctx.lang), ImVec2(at.x, y), width) + ctx.px(24);
  if (with_group && !item.more_figures.empty())
    y += figure_group(ctx, item.more_figures, ImVec2(at.x, y), width, true) + ctx.px(40);
  auto body = ctx.style(Role::Body, colour::text);
  y += draw_text_block(ctx.list(), body, text::pick(item.body, ctx.lang), ImVec2(at.x, y), width) + ctx.px(40);
  if (!with_source) {
    y += draw_original(ctx, item, ImVec2(at.x, y), width, accent);
    return y - at.y;
  }

  // 出处: the quote as the report words it, under its section.
  float rule = ctx.px(6), inset = ctx.px(32);
  float quote_top = y;
  auto label = ctx.style(Role::Caption, accent, 1.4f);
  y += draw_text_block(ctx.list(), label, source_line(ctx, item), ImVec2(at.x + inset, y), width - inset);
  auto quote = ctx.style(Role::Caption, colour::muted, 1.6f);
  std::string words = text::quoted(item.quote_zh);
  y += draw_text_block(ctx.list(), quote, words, ImVec2(at.x + inset, y), width - inset);
  ctx.list()->AddRectFilled(ImVec2(at.x, quote_top + ctx.px(6)), ImVec2(at.x + rule, y - ctx.px(6)), accent);
  if (item.kind == content::ItemKind::Landmark)
    y += ctx.px(40) + draw_landmark_place(ctx, item, ImVec2(at.x, y + ctx.px(40)), width, accent);
  y += ctx.px(48);
  y += draw_original(ctx, item, ImVec2(at.x, y), width, accent);
  return y - at.y;
}

// An item with neither a figure nor a picture leads, in landscape, with the report's own
// words set large, like the quotation on a museum panel: an accent rule, its section, the
// quote. Nothing stands in for a picture the item does not have. Returns the height used.
float draw_quote_panel(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, uint32_t accent) {
  float y = at.y + ctx.px(12);
  ctx.list()->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + ctx.px(96), y + ctx.px(8)), accent);
  y += ctx.px(40);
  auto label = ctx.style(Role::Caption, accent, 1.4f);
  y += draw_text_block(ctx.list(), label, source_line(ctx, item), ImVec2(at.x, y), width) + ctx.px(28);
  auto quote = ctx.style(Role::Heading, colour::text, 1.5f);
  y += draw_text_block(ctx.list(), quote, text::quoted(item.quote_zh), ImVec2(at.x, y), width) + ctx.px(28);
  ctx.list()->AddRectFilled(ImVec2(at.x, y), ImVec2(at.x + width, y + ctx.px(2)), colour::with_alpha(accent, 0.5f));
  return y + ctx.px(2) - at.y;
}

}  // namespace

void draw_detail(const ViewContext& ctx, const std::string& item_id, int position, int count, float scroll,
                 ListExtent& extent) {
  const auto& c = ctx.canvas();
  draw_top_bar(ctx, true, true);
  const auto* item = ctx.content.item(item_id);
  if (!item) return;
  const auto* cat = ctx.content.category(item->category_id);
  uint32_t accent = cat ? colour::from_hex(cat->accent, colour::gold) : colour::gold;
  float m = c.margin();
  float top = top_bar_bottom(c) + ctx.px(48), bottom = c.height - ctx.px(150);

  // The lead figure, and the figures after it as a group under it where the space allows
  // (`group`); otherwise the text column sets the group under the title.
  auto headline = [&](ImVec2 at, float width, bool group) -> float {
    if (item->figure) {
      FigureLook look{Role::Figure, Role::FigureUnit, colour::gold, 1, 1};
      float h = draw_figure_display(ctx.list(), ctx.fonts(),
                                    ctx.lang == text::Lang::Zh ? item->figure->display_zh : item->figure->display_en,
                                    at, width, ctx.px(12), look);
      if (group && !item->more_figures.empty())
        h += ctx.px(48) + figure_group(ctx, item->more_figures, ImVec2(at.x, at.y + h + ctx.px(48)), width, true);
      return h;
    }
    if (!controller::detail_shows_picture(*item)) return draw_quote_panel(ctx, *item, at, width, accent);
    float h = width * 0.75f;
    draw_picture(ctx.list(), ctx.images, item->image_id, {at, ImVec2(at.x + width, at.y + h)}, ctx.px(20), c.scale);
    return h;
  };

  ctx.list()->PushClipRect(ImVec2(0, top - ctx.px(8)), ImVec2(c.width, bottom), true);
  // A text panel in portrait is the text column alone, its source under it as usual.
  bool panel = !item->figure && !controller::detail_shows_picture(*item);
  if (c.portrait) {
    float width = c.width - 2 * m;
    float y = top - scroll;
    if (item->figure) {
      y += draw_figure_panel(ctx, *item, ImVec2(m, y), width, accent) + ctx.px(48);
      if (!item->more_figures.empty())
        y += figure_group(ctx, item->more_figures, ImVec2(m, y), width, true) + ctx.px(48);
    } else if (!panel) {
      y += headline(ImVec2(m, y), width, false) + ctx.px(48);
    }
    y += draw_text_column(ctx, *item, ImVec2(m, y), width, accent, true, false);
    // What the report's words leave of the screen, at rest, goes to the category's other
    // figures; a page that scrolls already has none to spare.
    if (item->figure) {
      float room = bottom - (y + scroll) - ctx.px(40) - ctx.px(kListEndPadReference);
      float h = draw_related_figures(ctx, *item, ImVec2(m, y + ctx.px(40)), width, room, accent);
      if (h > 0) y += ctx.px(40) + h;
    }
    extent.content = y + scroll - top + ctx.px(kListEndPadReference);
  } else {
    float left_w = ctx.px(760), gap = ctx.px(96);
    // The headline stays put, so the figure group goes under the lead figure only where
    // the two fit clear of the bottom edge's fade (as a list's end pad does); else it
    // scrolls with the text.
    bool group_left = false;
    if (item->figure && !item->more_figures.empty()) {
      FigureLook look{Role::Figure, Role::FigureUnit, colour::gold, 1, 1};
      float lead = measure_figure_display(
          ctx.fonts(), ctx.lang == text::Lang::Zh ? item->figure->display_zh : item->figure->display_en, left_w,
          ctx.px(12), look);
      group_left = lead + ctx.px(48) + figure_group(ctx, item->more_figures, ImVec2(m, top), left_w, false) <=
                   bottom - top - ctx.px(kListEndPadReference);
    }
    headline(ImVec2(m, top), left_w, group_left);
    float x = m + left_w + gap;
    extent.content =
        draw_text_column(ctx, *item, ImVec2(x, top - scroll), c.width - m - x, accent, !panel, !group_left) +
        ctx.px(kListEndPadReference);
  }
  ctx.list()->PopClipRect();
  extent.viewport = bottom - top;
  draw_list_edges(ctx, top, bottom, scroll, extent);

  // Neighbours: arrows, the position, and the swipe hint.
  PageFoot foot{c.width * 0.5f, c.height - ctx.px(56) - ctx.px(kArrowButtonSize),
                std::to_string(position + 1) + " / " + std::to_string(count), std::nullopt, std::nullopt};
  if (position > 0) foot.back = controller::Neighbour{-1};
  if (position + 1 < count) foot.forward = controller::Neighbour{+1};
  draw_page_foot(ctx, foot);
}

}  // namespace kiosk::ui
