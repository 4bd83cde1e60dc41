#pragma once
// A list scrolled by dragging, with inertia after release and a firm stop at both ends.

namespace kiosk::show {

class Scroller {
 public:
  void set_extent(float content, float viewport);  // lengths in pixels
  void drag(float delta);                          // the finger moved by delta (content follows)
  void release(float velocity);                    // finger speed at release, pixels per second
  void step(double dt);                            // advance inertia by dt seconds
  void stop() { velocity_ = 0; }
  float offset() const { return offset_; }  // 0 at the top, grows as the list scrolls up
  bool moving() const { return velocity_ != 0; }
  float max_offset() const;

 private:
  void clamp();

  float offset_ = 0, velocity_ = 0;
  float content_ = 0, viewport_ = 0;
};

}  // namespace kiosk::show
