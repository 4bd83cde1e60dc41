#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

void draw_page_foot(const ViewContext& ctx, const PageFoot& foot) {
  float size = ctx.px(kArrowButtonSize), x = foot.centre_x, y = foot.y;
  if (foot.back)
    ctx.w.round_button({ImVec2(x - ctx.px(260) - size, y), ImVec2(x - ctx.px(260), y + size)}, "left", *foot.back);
  if (foot.forward)
    ctx.w.round_button({ImVec2(x + ctx.px(260), y), ImVec2(x + ctx.px(260) + size, y + size)}, "right", *foot.forward);
  auto label = ctx.style(Role::Label, colour::text, 1);
  draw_text_block(ctx.list(), label, foot.where, ImVec2(x - ctx.px(240), y + ctx.px(4)), ctx.px(480), 1, Align::Centre);
  auto hint = ctx.style(Role::Caption, colour::muted, 1);
  draw_text_block(ctx.list(), hint, ctx.ui(content::UiKey::swipe_hint), ImVec2(x - ctx.px(240), y + ctx.px(48)),
                  ctx.px(480), 1, Align::Centre);
}

}  // namespace kiosk::ui
