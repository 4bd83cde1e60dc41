#pragma once
// Turns pointer events (touch arrives as an emulated mouse) into a visitor's gestures:
// a tap moves less than the slop; anything further is a drag, and a drag released
// quickly sideways is a swipe. Positions are in window pixels.

#include <optional>

namespace kiosk::show {

struct Point {
  float x = 0, y = 0;
};

struct Release {
  Point start, end;
  float velocity_x = 0, velocity_y = 0;  // pixels per second at the release
  bool was_drag = false;
};

class GestureRecognizer {
 public:
  explicit GestureRecognizer(float tap_slop_px) : slop_(tap_slop_px) {}
  void set_slop(float px) { slop_ = px; }

  void press(Point p, double t);
  void move(Point p, double t);
  void release(Point p, double t);

  bool down() const { return down_; }
  bool dragging() const { return dragging_; }
  Point position() const { return position_; }
  Point press_position() const { return start_; }

  // Gestures completed since the last call; each is returned once.
  std::optional<Point> take_tap();
  std::optional<Release> take_release();
  // The drag movement since the last call (zero unless dragging).
  Point take_drag_delta();

 private:
  float slop_;
  bool down_ = false, dragging_ = false;
  Point start_, position_, last_, drag_reported_;
  double last_t_ = 0;
  float vx_ = 0, vy_ = 0;
  std::optional<Point> tap_;
  std::optional<Release> release_;
};

}  // namespace kiosk::show
