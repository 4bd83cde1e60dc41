#pragma once
// The kiosk's screen for one bundle, as the ui draws it: the fonts baked for it, and the
// views that draw the controller's FrameModel. It decides nothing: each control a view
// draws goes back to the controller in the FrameReport, which decides what a tap does.

#include <imgui.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "kiosk/content/bundle.h"
#include "kiosk/controller/controller.h"
#include "kiosk/ui/attract_view.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/layout_log.h"
#include "kiosk/ui/operator_view.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

struct ScreenOptions {
  controller::ControllerOptions controller;
  std::filesystem::path atlas_cache_dir;  // baked atlases kept between starts; empty: none
  const show::Clock* clock = nullptr;     // the controller's animation clock; outlives every session
};

class KioskScreen {
 public:
  KioskScreen(content::Bundle& bundle, controller::ContentCache& content, ScreenOptions options, ImageProvider& images);

  // Bakes the fonts for this canvas and text size into `atlas`, or loads them from the
  // atlas cache when this bundle was baked so before.
  bool build_fonts(ImFontAtlas& atlas, const Canvas& canvas, bool large_text, std::string& error);
  bool fonts_from_cache() const { return fonts_from_cache_; }
  bool fonts_stale(bool large_text) const { return baked_large_text_ != large_text; }
  const Fonts& fonts() const { return fonts_; }
  // What the last draw() did to its texts (kiosk/ui/layout_log.h).
  const LayoutLog& layout_log() const { return layout_log_; }

  // What the operator panel shows, gathered by the app when the panel is drawn.
  void set_operator_info(std::function<OperatorInfo()> info) { operator_info_ = std::move(info); }

  // Starts loading the pictures the controller says are needed next, at the size `use`
  // draws them on this canvas.
  void prefetch(const std::vector<std::string>& image_ids, controller::PictureUse use, const Canvas& canvas,
                bool large_text);

  // Draws the frame; returns the controls drawn, for the controller.
  controller::FrameReport draw(ImDrawList* list, const Canvas& canvas, const controller::FrameModel& frame);

 private:
  const SlideContent* slide_for(const std::string& item_id);
  void draw_attract(ImDrawList* list, const Canvas& canvas, const controller::FrameModel& frame);

  content::Bundle& bundle_;
  controller::ContentCache& content_;
  ScreenOptions options_;
  ImageProvider& images_;
  UiStrings strings_;
  std::map<std::string, SlideContent> slides_;
  Fonts fonts_;
  bool baked_large_text_ = false;
  bool fonts_from_cache_ = false;
  std::unique_ptr<AttractView> attract_view_;
  std::function<OperatorInfo()> operator_info_;
  LayoutLog layout_log_;
};

// The texts each role draws from `bundle` (those `kioskctl validate` checks the fonts
// against) and what the operator panel draws from outside it: the glyphs to bake.
GlyphNeeds screen_glyph_needs(content::Bundle& bundle);

// The viewport the controller measures gestures in, for a canvas.
controller::Viewport viewport_of(const Canvas& canvas);

}  // namespace kiosk::ui
