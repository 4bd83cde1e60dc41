#pragma once
// Touch widgets drawn straight onto a draw list: no ImGui window chrome, no hover
// states. A widget shows itself pressed in the same frame the finger comes down, and
// reports its rectangle with its action; the controller decides what a tap on it does.

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "kiosk/controller/action.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

// The pointer as the views see it for one frame.
struct TouchFrame {
  bool down = false;
  ImVec2 position;
  ImVec2 press_position;
  bool dragging = false;
};

struct Rect {
  ImVec2 min, max;
  bool contains(ImVec2 p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  ImVec2 centre() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

class Widgets {
 public:
  // The controls drawn are added to `hits`.
  Widgets(ImDrawList* list, const Canvas& canvas, const Fonts& fonts, const TouchFrame& touch,
          std::vector<controller::Hit>& hits)
      : list_(list), canvas_(canvas), fonts_(fonts), touch_(touch), hits_(hits) {}

  // True when the press that is down started inside `r` (draw it pressed).
  bool pressed(const Rect& r) const { return touch_.down && !touch_.dragging && r.contains(touch_.press_position); }
  // Reports a control: a tap in `r` means `action`.
  void hit(const Rect& r, controller::Action action, bool on_press = false) const {
    hits_.push_back({{r.min.x, r.min.y, r.max.x, r.max.y}, std::move(action), on_press});
  }

  // A pill-shaped button with a label; `selected` fills it.
  void pill(const Rect& r, const std::string& label, bool selected, controller::Action action,
            uint32_t accent = colour::gold);
  // A round button holding an icon (the detail's and the reader's page arrows).
  void round_button(const Rect& r, const char* icon, controller::Action action) const;
  // A rounded surface that darkens under the finger.
  void card(const Rect& r, uint32_t fill = colour::surface);

  ImDrawList* list() const { return list_; }
  const Canvas& canvas() const { return canvas_; }
  const Fonts& fonts() const { return fonts_; }
  const TouchFrame& touch() const { return touch_; }

 private:
  ImDrawList* list_;
  const Canvas& canvas_;
  const Fonts& fonts_;
  const TouchFrame& touch_;
  std::vector<controller::Hit>& hits_;
};

// A press shrinks a widget slightly about its centre, as the motion brief asks.
Rect pressed_rect(const Rect& r, bool pressed);

}  // namespace kiosk::ui
