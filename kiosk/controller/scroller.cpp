#include "kiosk/controller/scroller.h"

#include <algorithm>
#include <cmath>

#include "kiosk/text/figure_text.h"

namespace kiosk::controller {
namespace {

constexpr float kFriction = 3.0f;     // velocity halves in about 0.23 s
constexpr float kStopBelow = 20.0f;   // pixels per second: too slow to see
constexpr float kMaxVelocity = 6000;  // a flick never throws the list further than this
// The rubber band of iOS's scroll views: a finger that pulls x past the end moves the list
// (1 - 1 / (x c / d + 1)) d, with d the viewport: it follows at first at about half speed
// and never more than d, however far the finger goes.
constexpr float kBandStiffness = 0.55f;
constexpr float kMinBandLength = 200;   // before the view has reported its viewport
constexpr double kReturnSeconds = 0.4;  // the eased return to the end once let go

}  // namespace

float Scroller::max_offset() const {
  return std::max(0.0f, content_ - viewport_);
}

float Scroller::overshoot() const {
  if (offset_ < 0) return offset_;
  return std::max(0.0f, offset_ - max_offset());
}

float Scroller::resistance_length() const {
  return std::max(viewport_, kMinBandLength);
}

float Scroller::band(float raw_overshoot) const {
  float d = resistance_length(), x = std::abs(raw_overshoot);
  float shown = (1 - 1 / (x * kBandStiffness / d + 1)) * d;
  return std::copysign(shown, raw_overshoot);
}

float Scroller::unband(float shown_overshoot) const {
  float d = resistance_length(), o = std::min(std::abs(shown_overshoot), d * 0.999f);
  float raw = (d / kBandStiffness) * (1 / (1 - o / d) - 1);
  return std::copysign(raw, shown_overshoot);
}

void Scroller::set_extent(float content, float viewport) {
  content_ = content;
  viewport_ = viewport;
  // The list may have got shorter (a reflow in larger text): past its new end it returns
  // as if let go there. Under the finger it stays where the finger holds it.
  if (!dragging_ && !returning_ && overshoot() != 0) release(0);
}

void Scroller::drag(float delta) {
  if (!dragging_) {
    // The finger catches the list wherever it is, mid-return or mid-flight.
    dragging_ = true;
    returning_ = false;
    velocity_ = 0;
    float over = overshoot();
    raw_ = offset_ - over + unband(over);
  }
  raw_ -= delta;
  float end = std::clamp(raw_, 0.0f, max_offset());
  offset_ = end + band(raw_ - end);
}

void Scroller::release(float velocity) {
  dragging_ = false;
  if (overshoot() != 0) {
    // Past an end a flick throws nothing further: the list eases back.
    velocity_ = 0;
    returning_ = true;
    return_from_ = offset_;
    return_time_ = 0;
    return;
  }
  velocity_ = std::clamp(-velocity, -kMaxVelocity, kMaxVelocity);
  if (std::abs(velocity_) < kStopBelow) velocity_ = 0;
}

void Scroller::step(double dt) {
  if (returning_) {
    return_time_ += dt;
    float target = std::clamp(return_from_, 0.0f, max_offset());
    double f = text::ease_out_cubic(std::min(1.0, return_time_ / kReturnSeconds));
    offset_ = return_from_ + static_cast<float>(f) * (target - return_from_);
    if (return_time_ >= kReturnSeconds) {
      offset_ = target;
      returning_ = false;
    }
    return;
  }
  if (velocity_ == 0 || dragging_) return;
  auto t = static_cast<float>(dt);
  offset_ += velocity_ * t;
  velocity_ *= std::exp(-kFriction * t);
  if (std::abs(velocity_) < kStopBelow) velocity_ = 0;
  // Inertia stops at an end: the list arrives there and rests.
  float clamped = std::clamp(offset_, 0.0f, max_offset());
  if (clamped != offset_) velocity_ = 0;
  offset_ = clamped;
}

}  // namespace kiosk::controller
