#pragma once
// Touch widgets drawn straight onto a draw list: no ImGui window chrome, no hover
// states. A widget reacts to the tap the gesture recognizer reported this frame, and
// shows itself pressed in the same frame the finger comes down.

#include <imgui.h>

#include <optional>
#include <string>

#include "kiosk/ui/fonts.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

// The pointer as the views see it for one frame.
struct TouchFrame {
  bool down = false;
  ImVec2 position;
  ImVec2 press_position;
  bool dragging = false;
  std::optional<ImVec2> tap;  // a completed tap this frame
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
  Widgets(ImDrawList* list, const Canvas& canvas, const Fonts& fonts, const TouchFrame& touch)
      : list_(list), canvas_(canvas), fonts_(fonts), touch_(touch) {}

  // True when the press that is down started inside `r` (draw it pressed).
  bool pressed(const Rect& r) const { return touch_.down && !touch_.dragging && r.contains(touch_.press_position); }
  // True when a tap landed in `r` this frame.
  bool tapped(const Rect& r) const { return touch_.tap && r.contains(*touch_.tap); }

  // A pill-shaped button with a label; `selected` fills it. Returns true when tapped.
  bool pill(const Rect& r, const std::string& label, bool selected, uint32_t accent = colour::gold);
  // A rounded surface that darkens under the finger; returns true when tapped.
  bool card(const Rect& r, uint32_t fill = colour::surface);

  ImDrawList* list() const { return list_; }
  const Canvas& canvas() const { return canvas_; }
  const Fonts& fonts() const { return fonts_; }
  const TouchFrame& touch() const { return touch_; }

 private:
  ImDrawList* list_;
  const Canvas& canvas_;
  const Fonts& fonts_;
  const TouchFrame& touch_;
};

// A press shrinks a widget slightly about its centre, as the motion brief asks.
Rect pressed_rect(const Rect& r, bool pressed);

}  // namespace kiosk::ui
