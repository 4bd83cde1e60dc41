#pragma once
// The kiosk's screen for one bundle: resolves the bundle's content once, drives the
// attract loop from the injected clock and draws each frame. It also says when the
// next frame is due, so that the platform can sleep while nothing moves.

#include <imgui.h>

#include <memory>
#include <string>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/show/attract_loop.h"
#include "kiosk/show/civil_time.h"
#include "kiosk/show/scene.h"
#include "kiosk/ui/attract_view.h"
#include "kiosk/ui/fonts.h"

namespace kiosk::ui {

struct ScreenOptions {
  text::Lang language = text::Lang::Zh;
  bool alternate_languages = true;  // switch language with each pass of the playlist
  bool touch_cue = true;            // false in slideshow mode
  double slow_motion_fps = 10;      // pulses and pans; 0 stops them (software rendering)
};

class KioskScreen {
 public:
  KioskScreen(content::Bundle& bundle, ScreenOptions options);

  // Bakes the fonts for this canvas size into `atlas`. Returns false with `error` set.
  bool build_fonts(ImFontAtlas& atlas, const Canvas& canvas, std::string& error);
  const Fonts& fonts() const { return fonts_; }

  void update(double now, const show::CivilTime& wall);
  void draw(ImDrawList* list, const Canvas& canvas, double now) const;
  double next_frame_time(double now) const;  // clock time the screen next changes
  show::Scene scene() const { return show::Scene::Attract; }
  bool shows_content() const { return attract_.has_slide(); }

 private:
  text::Lang current_language() const;
  const SlideContent* slide_for(const content::PlaylistEntry& entry) const;
  GlyphNeeds glyph_needs() const;

  content::Bundle& bundle_;
  ScreenOptions options_;
  UiStrings strings_;
  std::vector<content::Category> categories_;
  std::map<std::string, SlideContent> slides_;  // by item id
  show::AttractLoop attract_;
  size_t passes_ = 0;  // completed runs through the playlist, for alternating languages
  size_t last_position_ = 0;
  Fonts fonts_;
  std::unique_ptr<AttractView> view_;
};

}  // namespace kiosk::ui
