#pragma once
// Draws any scene of a bundle headless, as the kiosk draws it (the real KioskScreen and
// its views on an ImGui draw list, no GL), for one canvas and text size. Either a frame
// the test builds itself (draw), or the controller's next frame at a time of the test's
// manual clock (frame), as the app's loop would. The one setup every screen test shares.

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

// Inside every slide's window of the report bundle's playlist.
inline const show::CivilTime kMorning{2025, 4, 1, 10, 0};

// Pictures never arrive: the texts are laid out the same with or without them.
class NoPictures : public ui::ImageProvider {
 public:
  std::optional<ui::ImageTexture> texture(const std::string&, ImVec2) override { return std::nullopt; }
  void prefetch(const std::string&, ImVec2) override {}
  bool loading() const override { return false; }
};

struct HarnessOptions {
  bool large_text = false;
  // Where the views' pictures come from; none: NoPictures.
  ui::ImageProvider* pictures = nullptr;
  // ImGui's frame time, and so the pace the views' own motion assumes.
  double frames_per_second = 30;
};

class ScreenHarness {
 public:
  ScreenHarness(const std::filesystem::path& bundle, const ui::Canvas& canvas, HarnessOptions options = {});
  ~ScreenHarness();
  ScreenHarness(const ScreenHarness&) = delete;
  ScreenHarness& operator=(const ScreenHarness&) = delete;

  // Draws `frame` (its text size is the harness's, its wall time kMorning) and returns what
  // the views reported.
  controller::FrameReport draw(controller::FrameModel frame);

  // The controller's frame at `t` seconds of the clock, drawn and reported back to it.
  struct Step {
    controller::FrameModel model;
    controller::FrameReport report;
  };
  Step frame(double t);
  // The draw data of the last frame drawn, either way.
  const ImDrawData& draw_data() const;

  const ui::LayoutLog& log() const { return screen_.layout_log(); }
  // The role whose font `font` is, for messages.
  std::string role_of(const ImFont* font) const;
  const ui::Fonts& fonts() const { return screen_.fonts(); }

  // Makes the harness's ImGui context current, for a test that opens a frame of its own.
  void use_context() const;
  ui::ImageProvider& pictures() { return *pictures_; }
  controller::Controller& controller() { return controller_; }
  show::ManualClock& clock() { return clock_; }
  controller::ContentCache& content() { return content_; }
  content::Bundle& bundle() { return bundle_; }
  const ui::Canvas& canvas() const { return canvas_; }
  bool large_text() const { return large_text_; }

 private:
  content::Bundle bundle_;
  controller::ContentCache content_{bundle_};
  show::ManualClock clock_;
  NoPictures no_pictures_;
  ui::ImageProvider* pictures_;
  ui::Canvas canvas_;
  bool large_text_;
  ui::ScreenOptions options_;
  controller::Controller controller_;
  ui::KioskScreen screen_;
  ImFontAtlas atlas_;
  ImGuiContext* imgui_ = nullptr;
};

// One scene of a walk: its name and the frame that draws it.
struct Scene {
  std::string name;
  controller::FrameModel frame;
};

// Where the walk's map puts 'you are here': among the Wudadao landmarks, where its label
// has the most neighbours to keep clear of.
inline const controller::Site kWalkSite{39.1170, 117.1990};

// Every scene a visitor or an operator can reach in `lang`: the attract slides, home,
// each category and each item's detail at each scroll position its content needs, the
// district map, each page of each section of the report's reader, the keypad and the
// operator panel. Calls `visit` with each drawn scene's name, after drawing it.
// The attract loop's frame at slide `position` of the bundle's playlist, fully revealed.
controller::FrameModel attract_slide_frame(ScreenHarness& harness, size_t position, text::Lang lang);

void walk_scenes(ScreenHarness& harness, text::Lang lang, const std::function<void(const std::string&)>& visit);

}  // namespace kiosk::testing
