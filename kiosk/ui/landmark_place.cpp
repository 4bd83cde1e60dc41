// A landmark's page, under the report's words: where it is and whose picture it is. The
// address and its source are reference data, not the report's, and say so: the address
// under 地址 / Address, its source on a small 参考资料 / Reference line.

#include "kiosk/text/lang.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

float draw_landmark_place(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, uint32_t accent) {
  using content::UiKey;
  float y = at.y;
  const char* colon = ctx.lang == text::Lang::Zh ? "：" : ": ";
  if (item.landmark && !text::pick(item.landmark->address, ctx.lang).empty()) {
    auto label = ctx.style(Role::Caption, accent, 1.4f);
    y += draw_text_block(ctx.list(), label, ctx.ui(UiKey::address_label), ImVec2(at.x, y), width);
    auto body = ctx.style(Role::Body, colour::text);
    y += draw_text_block(ctx.list(), body, text::pick(item.landmark->address, ctx.lang), ImVec2(at.x, y), width) +
         ctx.px(16);
  }
  // The way to the map, where the landmark is marked among the others.
  if (ctx.content.district_map()) {
    std::string open = ctx.ui(UiKey::open_map);
    float h = ctx.px(kTopBarHeight);
    float w = text_width(ctx.style(Role::Label, colour::text), open) + 2 * ctx.px(32);
    // Only while it is wholly inside the scrolling column: a button half under the page
    // foot would take the taps meant for the foot's arrows.
    ImVec2 clip_min = ctx.list()->GetClipRectMin(), clip_max = ctx.list()->GetClipRectMax();
    if (y >= clip_min.y && y + h <= clip_max.y)
      ctx.w.pill({ImVec2(at.x, y), ImVec2(at.x + std::min(w, width), y + h)}, open, false, controller::OpenMap{},
                 accent);
    y += h + ctx.px(24);
  }
  auto small = ctx.style(Role::Caption, colour::muted, 1.4f);
  if (!item.image_id.empty())
    if (const auto& credit = ctx.content.credit(item.image_id); !credit.empty())
      y += draw_text_block(ctx.list(), small, ctx.ui(UiKey::illustration_credit) + colon + credit, ImVec2(at.x, y),
                           width);
  if (item.landmark && !text::pick(item.landmark->source, ctx.lang).empty())
    y += draw_text_block(ctx.list(), small,
                         ctx.ui(UiKey::reference_label) + colon + text::pick(item.landmark->source, ctx.lang),
                         ImVec2(at.x, y), width);
  return y - at.y;
}

}  // namespace kiosk::ui
