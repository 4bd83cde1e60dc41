#include "kiosk/platform/offscreen.h"

#include <algorithm>

#include "kiosk/platform/gl.h"
#include "kiosk/platform/window.h"

namespace kiosk::platform {

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
  glGenTextures(1, &colour_);
  glBindTexture(GL_TEXTURE_2D, colour_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glGenFramebuffers(1, &framebuffer_);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour_, 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    // No destructor runs for a constructor that throws: a retried size would leak each time.
    release();
    throw PlatformError("cannot create a " + std::to_string(width) + "x" + std::to_string(height) +
                        " off-screen framebuffer");
  }
}

OffscreenTarget::~OffscreenTarget() {
  release();
}

void OffscreenTarget::release() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteFramebuffers(1, &framebuffer_);
  glDeleteTextures(1, &colour_);
  framebuffer_ = colour_ = 0;
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glViewport(0, 0, width_, height_);
}

std::vector<uint8_t> OffscreenTarget::read_pixels() const {
  size_t row = static_cast<size_t>(width_) * 4;
  std::vector<uint8_t> pixels(row * static_cast<size_t>(height_));
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL's first row is the bottom one.
  for (int y = 0; y < height_ / 2; ++y)
    std::swap_ranges(pixels.begin() + static_cast<long>(static_cast<size_t>(y) * row),
                     pixels.begin() + static_cast<long>(static_cast<size_t>(y + 1) * row),
                     pixels.begin() + static_cast<long>(static_cast<size_t>(height_ - 1 - y) * row));
  for (size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // the screen is opaque
  return pixels;
}

}  // namespace kiosk::platform
