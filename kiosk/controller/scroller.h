#pragma once
// A list scrolled by dragging, with inertia after release. Dragged past either end (or at
// all, when the list is shorter than its viewport) the list follows the finger with
// growing resistance and, once let go, eases back to the end it left: a visitor sees the
// list is at its end, and no blank band stays behind. A flick's inertia stops at the ends.

namespace kiosk::controller {

class Scroller {
 public:
  // Lengths in pixels, as the view laid them out: the list's full height and the part of
  // the screen it is shown in.
  void set_extent(float content, float viewport);
  void drag(float delta);                   // the finger moved by delta (content follows)
  void release(float velocity);             // finger speed at release, pixels per second
  void step(double dt);                     // advance inertia or the return by dt seconds
  float offset() const { return offset_; }  // 0 at the top, grows as the list scrolls up
  bool moving() const { return velocity_ != 0 || returning_; }
  bool dragging() const { return dragging_; }
  float max_offset() const;
  // How far the list lies past its nearer end (negative above the top); 0 within.
  float overshoot() const;

 private:
  float band(float raw_overshoot) const;      // the shown overshoot for the finger's
  float unband(float shown_overshoot) const;  // and back
  float resistance_length() const;

  float offset_ = 0, velocity_ = 0;
  float content_ = 0, viewport_ = 0;
  bool dragging_ = false;
  float raw_ = 0;  // while dragging: where the finger would have put the list without resistance
  bool returning_ = false;
  float return_from_ = 0;
  double return_time_ = 0;
};

}  // namespace kiosk::controller
