#include "kiosk/show/scroller.h"

#include <algorithm>
#include <cmath>

namespace kiosk::show {
namespace {

constexpr float kFriction = 3.0f;     // velocity halves in about 0.23 s
constexpr float kStopBelow = 20.0f;   // pixels per second: too slow to see
constexpr float kMaxVelocity = 6000;  // a flick never throws the list further than this

}  // namespace

float Scroller::max_offset() const {
  return std::max(0.0f, content_ - viewport_);
}

void Scroller::clamp() {
  float clamped = std::clamp(offset_, 0.0f, max_offset());
  if (clamped != offset_) velocity_ = 0;
  offset_ = clamped;
}

void Scroller::set_extent(float content, float viewport) {
  content_ = content;
  viewport_ = viewport;
  clamp();
}

void Scroller::drag(float delta) {
  velocity_ = 0;
  offset_ -= delta;
  clamp();
}

void Scroller::release(float velocity) {
  velocity_ = std::clamp(-velocity, -kMaxVelocity, kMaxVelocity);
  if (std::abs(velocity_) < kStopBelow) velocity_ = 0;
}

void Scroller::step(double dt) {
  if (velocity_ == 0) return;
  auto t = static_cast<float>(dt);
  offset_ += velocity_ * t;
  velocity_ *= std::exp(-kFriction * t);
  if (std::abs(velocity_) < kStopBelow) velocity_ = 0;
  clamp();
}

}  // namespace kiosk::show
