#include "kiosk/ui/icons.h"
#include "kiosk/ui/layout_log.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {

constexpr float kBarTop = 56, kBarHeight = kTopBarHeight;

// A pill with a navigation glyph before its label.
void icon_pill(const ViewContext& ctx, const Rect& r, const std::string& icon, const std::string& label,
               controller::Action action) {
  bool down = ctx.w.pressed(r);
  Rect shown = pressed_rect(r, down);
  ctx.list()->AddRectFilled(shown.min, shown.max, down ? colour::surface_pressed : colour::surface, shown.height() / 2);
  auto style = ctx.style(Role::Label, colour::text, 1);
  float icon_size = ctx.px(30);
  draw_icon(ctx.list(), icon, ImVec2(shown.min.x + ctx.px(36), shown.centre().y), icon_size, colour::gold);
  draw_text_line(ctx.list(), style, ImVec2(shown.min.x + ctx.px(62), shown.centre().y - style.size * 0.55f), label);
  log_furniture(r, "top bar");
  ctx.w.hit(r, std::move(action));
}

float pill_width(const ViewContext& ctx, const std::string& label, float padding) {
  return text_width(ctx.style(Role::Label, colour::text), label) + 2 * ctx.px(padding);
}

}  // namespace

std::string fill(std::string text, const std::string& placeholder, const std::string& value) {
  for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
    text.replace(at, placeholder.size(), value);
  return text;
}

float top_bar_bottom(const Canvas& canvas) {
  return canvas.px(kBarTop + kBarHeight);
}

float draw_top_bar(const ViewContext& ctx, bool show_back, bool show_home) {
  using content::UiKey;
  const auto& c = ctx.canvas();
  float top = ctx.px(kBarTop), h = ctx.px(kBarHeight), gap = ctx.px(16);
  float x = c.margin();
  for (auto [shown, icon, key, action] :
       {std::tuple{show_back, "back", UiKey::back, controller::Action{controller::Back{}}},
        std::tuple{show_home, "home", UiKey::home, controller::Action{controller::Home{}}}}) {
    if (!shown) continue;
    std::string label = ctx.ui(key);
    float w = pill_width(ctx, label, 28) + ctx.px(40);
    icon_pill(ctx, {ImVec2(x, top), ImVec2(x + w, top + h)}, icon, label, action);
    x += w + gap;
  }

  // Right: 中文 | English, then the larger-text toggle.
  float right = c.width - c.margin();
  std::string large = ctx.ui(UiKey::larger_text);
  float large_w = pill_width(ctx, large, 28);
  ctx.w.pill({ImVec2(right - large_w, top), ImVec2(right, top + h)}, large, ctx.large_text,
             controller::SetLargeText{!ctx.large_text});
  right -= large_w + gap * 2;
  for (auto [lang, key] :
       {std::pair{text::Lang::En, UiKey::language_en}, std::pair{text::Lang::Zh, UiKey::language_zh}}) {
    std::string label = ctx.ui(key);
    float w = pill_width(ctx, label, 28);
    ctx.w.pill({ImVec2(right - w, top), ImVec2(right, top + h)}, label, ctx.lang == lang,
               controller::SetLanguage{lang});
    right -= w + gap * 0.5f;
  }
  return right + gap * 0.5f;
}

}  // namespace kiosk::ui
