#pragma once
// An off-screen framebuffer of an exact size, for deterministic screenshots.

#include <cstdint>
#include <vector>

namespace kiosk::platform {

class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height);
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;

  void bind() const;
  // RGBA8 pixels, top row first.
  std::vector<uint8_t> read_pixels() const;
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  void release();

  int width_, height_;
  unsigned framebuffer_ = 0, colour_ = 0;
};

}  // namespace kiosk::platform
