#include "kiosk/show/gesture.h"

#include <cmath>
#include <utility>

namespace kiosk::show {

void GestureRecognizer::press(Point p, double t) {
  down_ = true;
  dragging_ = false;
  start_ = position_ = last_ = drag_reported_ = p;
  last_t_ = t;
  vx_ = vy_ = 0;
}

void GestureRecognizer::move(Point p, double t) {
  position_ = p;
  if (!down_) return;
  if (!dragging_ && std::hypot(p.x - start_.x, p.y - start_.y) > slop_) dragging_ = true;
  double dt = t - last_t_;
  if (dt > 1e-4) {
    // A short exponential average: the finger's speed over the last few events.
    float a = static_cast<float>(std::min(1.0, dt / 0.05));
    vx_ = (1 - a) * vx_ + a * static_cast<float>((p.x - last_.x) / dt);
    vy_ = (1 - a) * vy_ + a * static_cast<float>((p.y - last_.y) / dt);
    last_ = p;
    last_t_ = t;
  }
}

void GestureRecognizer::release(Point p, double t) {
  if (!down_) return;
  move(p, t);
  // A finger that stopped before lifting has no speed left.
  if (t - last_t_ > 0.1) vx_ = vy_ = 0;
  down_ = false;
  if (!dragging_) tap_ = start_;
  release_ = Release{start_, p, vx_, vy_, dragging_};
  dragging_ = false;
}

std::optional<Point> GestureRecognizer::take_tap() {
  return std::exchange(tap_, std::nullopt);
}

std::optional<Release> GestureRecognizer::take_release() {
  return std::exchange(release_, std::nullopt);
}

Point GestureRecognizer::take_drag_delta() {
  if (!dragging_ && !release_) return {};
  Point delta{position_.x - drag_reported_.x, position_.y - drag_reported_.y};
  // The first drag frame reports the whole movement since the press, slop included.
  drag_reported_ = position_;
  return delta;
}

}  // namespace kiosk::show
