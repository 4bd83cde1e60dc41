#include <algorithm>

#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {
constexpr float kFadeReference = 64;  // about one line of body text: enough to read as "more"
}

void draw_list_edges(const ViewContext& ctx, float top, float bottom, float scroll, const ListExtent& extent) {
  float fade = ctx.px(kFadeReference);
  float above = scroll, below = extent.content - extent.viewport - scroll;
  uint32_t clear = colour::with_alpha(colour::bg, 0);
  auto* list = ctx.list();
  if (above > 0.5f) {
    uint32_t edge = colour::with_alpha(colour::bg, std::min(1.0f, above / fade));
    list->AddRectFilledMultiColor(ImVec2(0, top), ImVec2(ctx.canvas().width, top + fade), edge, edge, clear, clear);
  }
  if (below > 0.5f) {
    uint32_t edge = colour::with_alpha(colour::bg, std::min(1.0f, below / fade));
    list->AddRectFilledMultiColor(ImVec2(0, bottom - fade), ImVec2(ctx.canvas().width, bottom), clear, clear, edge,
                                  edge);
  }
}

}  // namespace kiosk::ui
