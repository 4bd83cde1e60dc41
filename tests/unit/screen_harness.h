#pragma once
// Draws any scene of a bundle headless, as the kiosk draws it (the real KioskScreen and
// its views on an ImGui draw list, no GL), for one canvas and text size, and hands back
// the layout log of the frame (kiosk/ui/layout_log.h).

#include <imgui.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/controller/content_cache.h"
#include "kiosk/controller/controller.h"
#include "kiosk/show/clock.h"
#include "kiosk/ui/kiosk_screen.h"

namespace kiosk::testing {

// Pictures never arrive: the texts are laid out the same with or without them.
class NoPictures : public ui::ImageProvider {
 public:
  std::optional<ui::ImageTexture> texture(const std::string&) override { return std::nullopt; }
  void prefetch(const std::string&) override {}
  bool loading() const override { return false; }
};

class ScreenHarness {
 public:
  ScreenHarness(const std::filesystem::path& bundle, const ui::Canvas& canvas, bool large_text);
  ~ScreenHarness();
  ScreenHarness(const ScreenHarness&) = delete;
  ScreenHarness& operator=(const ScreenHarness&) = delete;

  // Draws `frame` (its text size is the harness's) and returns what the views reported.
  controller::FrameReport draw(controller::FrameModel frame);
  const ui::LayoutLog& log() const { return screen_.layout_log(); }
  // The role whose font `font` is, for messages.
  std::string role_of(const ImFont* font) const;
  const ui::Fonts& fonts() const { return screen_.fonts(); }

  controller::ContentCache& content() { return content_; }
  content::Bundle& bundle() { return bundle_; }
  const ui::Canvas& canvas() const { return canvas_; }
  bool large_text() const { return large_text_; }

 private:
  content::Bundle bundle_;
  controller::ContentCache content_{bundle_};
  show::ManualClock clock_;
  NoPictures pictures_;
  ui::Canvas canvas_;
  bool large_text_;
  ui::ScreenOptions options_;
  ui::KioskScreen screen_;
  ImFontAtlas atlas_;
  ImGuiContext* imgui_ = nullptr;
};

// One scene of a walk: its name and the frame that draws it.
struct Scene {
  std::string name;
  controller::FrameModel frame;
};

// Every scene a visitor or an operator can reach in `lang`: the attract slides, home,
// each category and each item's detail at each scroll position its content needs, each
// page of each section of the report's reader, the keypad and the operator panel. Calls
// `visit` with each drawn scene's name, after drawing it.
void walk_scenes(ScreenHarness& harness, text::Lang lang, const std::function<void(const std::string&)>& visit);

}  // namespace kiosk::testing
