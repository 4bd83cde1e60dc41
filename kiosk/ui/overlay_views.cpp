#include <cmath>
#include <cstdio>

#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

void draw_countdown(const ViewContext& ctx, double remaining) {
  const auto& c = ctx.canvas();
  ctx.list()->AddRectFilled(ImVec2(0, 0), ImVec2(c.width, c.height), colour::with_alpha(colour::bg, 0.86f));
  float w = std::min(c.width - 2 * c.margin(), ctx.px(960)), h = ctx.px(600);
  ImVec2 min((c.width - w) * 0.5f, (c.height - h) * 0.5f);
  ctx.list()->AddRectFilled(min, ImVec2(min.x + w, min.y + h), colour::surface, ctx.px(28));
  float pad = ctx.px(56), width = w - 2 * pad;
  float y = min.y + pad;
  auto title = ctx.style(Role::Title, colour::text, 1.2f);
  y += draw_text_block(ctx.list(), title, ctx.ui(content::UiKey::still_there), ImVec2(min.x + pad, y), width, 2,
                       Align::Centre);
  int seconds = static_cast<int>(std::ceil(remaining));
  auto number = ctx.style(Role::Figure, colour::gold, 1);
  draw_text_block(ctx.list(), number, std::to_string(seconds), ImVec2(min.x + pad, y), width, 1, Align::Centre);
  y += number.size + ctx.px(8);
  auto body = ctx.style(Role::Body, colour::muted, 1.4f);
  y += draw_text_block(ctx.list(), body, fill(ctx.ui(content::UiKey::countdown), "{n}", std::to_string(seconds)),
                       ImVec2(min.x + pad, y), width, 2, Align::Centre);
  auto cue = ctx.style(Role::Label, colour::haitang, 1.4f);
  draw_text_block(ctx.list(), cue, ctx.ui(content::UiKey::touch_to_continue), ImVec2(min.x + pad, y + ctx.px(8)), width,
                  1, Align::Centre);
}

void draw_closed(const ViewContext& ctx, const std::string& clock_text, const std::string& open_from,
                 const std::string& open_to) {
  const auto& c = ctx.canvas();
  ctx.list()->AddRectFilled(ImVec2(0, 0), ImVec2(c.width, c.height), colour::night);
  // Burn-in care: the little that is shown drifts by a few pixels over the hours.
  double minutes = std::floor(ctx.now / 60);
  float dx = ctx.px(static_cast<float>(std::fmod(minutes * 7, 24)) - 12);
  float dy = ctx.px(static_cast<float>(std::fmod(minutes * 5, 16)) - 8);
  float width = c.width - 2 * c.margin();
  float y = c.height * 0.32f + dy;
  auto clock = ctx.style(Role::Figure, colour::with_alpha(colour::muted, 0.75f), 1);
  draw_text_block(ctx.list(), clock, clock_text, ImVec2(c.margin() + dx, y), width, 1, Align::Centre);
  y += clock.size + ctx.px(24);
  auto title = ctx.style(Role::Heading, colour::with_alpha(colour::text, 0.8f), 1.3f);
  y += draw_text_block(ctx.list(), title, ctx.ui(content::UiKey::closed_title), ImVec2(c.margin() + dx, y), width, 2,
                       Align::Centre);
  if (open_from.empty()) return;
  auto hours = ctx.style(Role::Body, colour::with_alpha(colour::muted, 0.8f), 1.4f);
  std::string text = ctx.ui(content::UiKey::opening_hours) + (ctx.lang == text::Lang::Zh ? "：" : ": ") +
                     fill(fill(ctx.ui(content::UiKey::opening_hours_daily), "{from}", open_from), "{to}", open_to);
  draw_text_block(ctx.list(), hours, text, ImVec2(c.margin() + dx, y + ctx.px(8)), width, 2, Align::Centre);
}

}  // namespace kiosk::ui
