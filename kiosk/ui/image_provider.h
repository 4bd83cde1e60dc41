#pragma once
// Where the views get pictures from: the platform's texture cache behind an interface,
// so that views never touch GL. A texture that is still loading is simply absent.

#include <imgui.h>

#include <optional>
#include <string>

namespace kiosk::ui {

struct ImageTexture {
  ImTextureID id = nullptr;
  int width = 0, height = 0;
};

class ImageProvider {
 public:
  virtual ~ImageProvider() = default;
  // The texture of a bundle image, or nullopt while it loads or when it cannot be shown.
  virtual std::optional<ImageTexture> texture(const std::string& image_id) = 0;
  // Starts loading an image that will be needed soon.
  virtual void prefetch(const std::string& image_id) = 0;
  // True while images are loading, so the screen redraws when they arrive.
  virtual bool loading() const = 0;
};

}  // namespace kiosk::ui
