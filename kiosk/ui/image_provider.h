#pragma once
// Where the views get pictures from: the platform's texture cache behind an interface,
// so that views never touch GL. A texture that is still loading is simply absent.

#include <imgui.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui {

struct ImageTexture {
  ImTextureID id = nullptr;
  int width = 0, height = 0;
};

class ImageProvider {
 public:
  virtual ~ImageProvider() = default;
  // The texture of a bundle image to be shown covering `shown` pixels (its zoom included),
  // or nullopt while it loads or when it cannot be shown. The provider may keep the
  // picture at no more pixels than that: a card's thumbnail is not a full-screen photo.
  virtual std::optional<ImageTexture> texture(const std::string& image_id, ImVec2 shown) = 0;
  // Starts loading an image that will be needed soon, at that size.
  virtual void prefetch(const std::string& image_id, ImVec2 shown) = 0;
  // True while images are loading, so the screen redraws when they arrive.
  virtual bool loading() const = 0;

  // The views note here each time the placeholder stands in for a picture (its image id;
  // empty when the view had none to ask for), and the screen hands the frame's notes to
  // the controller in its FrameReport. A complete bundle's screens take no picture slot
  // they cannot fill, so any note on them is a defect (the GL scene walk checks it); an
  // operator's bundle that lacks a picture, or one still decoding, still gets the calm
  // placeholder rather than a hole.
  void note_placeholder(std::string image_id) { placeholders_.push_back(std::move(image_id)); }
  std::vector<std::string> take_placeholders() { return std::exchange(placeholders_, {}); }

 private:
  std::vector<std::string> placeholders_;
};

}  // namespace kiosk::ui
