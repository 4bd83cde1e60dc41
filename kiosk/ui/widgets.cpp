#include "kiosk/ui/widgets.h"

#include "kiosk/ui/icons.h"
#include "kiosk/ui/layout_log.h"
#include "kiosk/ui/text_painter.h"

namespace kiosk::ui {

Rect pressed_rect(const Rect& r, bool pressed) {
  if (!pressed) return r;
  ImVec2 c = r.centre();
  float s = 0.97f;
  return {ImVec2(c.x + (r.min.x - c.x) * s, c.y + (r.min.y - c.y) * s),
          ImVec2(c.x + (r.max.x - c.x) * s, c.y + (r.max.y - c.y) * s)};
}

void Widgets::round_button(const Rect& r, const char* icon, controller::Action action) const {
  bool down = pressed(r);
  Rect shown = pressed_rect(r, down);
  list_->AddCircleFilled(shown.centre(), shown.width() * 0.5f, down ? colour::surface_pressed : colour::surface, 48);
  draw_icon(list_, icon, shown.centre(), shown.width() * 0.42f, colour::gold);
  log_furniture(r, "page arrow");
  hit(r, std::move(action));
}

void Widgets::pill(const Rect& r, const std::string& label, bool selected, controller::Action action, uint32_t accent) {
  bool down = pressed(r);
  Rect shown = pressed_rect(r, down);
  float radius = shown.height() * 0.5f;
  uint32_t fill = selected ? accent : (down ? colour::surface_pressed : colour::surface);
  list_->AddRectFilled(shown.min, shown.max, fill, radius);
  if (!selected)
    list_->AddRect(shown.min, shown.max, colour::with_alpha(colour::muted, 0.35f), radius, 0, canvas_.px(2));
  TextStyle style{fonts_.get(Role::Label), fonts_.size(Role::Label), selected ? colour::bg : colour::text, 1};
  float w = text_width(style, label);
  draw_text_line(list_, style, ImVec2(shown.centre().x - w * 0.5f, shown.centre().y - style.size * 0.55f), label);
  log_furniture(r, "pill");
  hit(r, std::move(action));
}

void Widgets::card(const Rect& r, uint32_t fill) {
  bool down = pressed(r);
  Rect shown = pressed_rect(r, down);
  list_->AddRectFilled(shown.min, shown.max, down ? colour::surface_pressed : fill, canvas_.px(18));
}

}  // namespace kiosk::ui
