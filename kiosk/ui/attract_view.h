#pragma once
// The attract loop on screen: the slide the show layer chose, its transition, the
// progress cue and the invitation to touch.

#include <imgui.h>

#include <map>
#include <string>

#include "kiosk/content/model.h"
#include "kiosk/content/ui_keys.h"
#include "kiosk/text/lang.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/image_provider.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

// What one slide shows, resolved from the bundle once.
struct SlideContent {
  content::Item item;
  content::Category category;
};

// Everything the attract view needs for one frame.
struct AttractFrame {
  const SlideContent* current = nullptr;
  const SlideContent* previous = nullptr;  // set while a transition runs
  double time_in_slide = 0;                // seconds since the current slide began
  double previous_time_in_slide = 0;       // seconds since the previous one did
  double transition = 1;                   // 0..1 progress into the current slide
  bool slide_transition = false;           // slide rather than crossfade
  size_t position = 0, count = 0;          // for the progress cue
  double slide_progress = 0;               // 0..1 of the current slide's dwell
  text::Lang lang = text::Lang::Zh;
  bool show_touch_cue = true;
  double pulse = 0;      // seconds, drives the touch cue's ring
  double slow_time = 0;  // time in slide for slow motion (pan and zoom), rate-limited
  ImVec2 chrome_shift;   // burn-in care: the static chrome moves a pixel or two over time
};

// The burn-in shift for a wall-clock minute of the day: a small square walked every 5 minutes.
ImVec2 burn_in_shift(int minute_of_day, float scale);

// Texts of the kiosk's own interface, by key, in both languages.
using UiStrings = std::map<std::string, content::Bilingual>;
// The text of `key` in `lang`; empty when the bundle lacks it (validation refuses such a bundle).
std::string ui_text(const UiStrings& strings, content::UiKey key, text::Lang lang);

class AttractView {
 public:
  AttractView(const Fonts& fonts, const UiStrings& strings, ImageProvider& images)
      : fonts_(fonts), strings_(strings), images_(images) {}
  void draw(ImDrawList* list, const Canvas& canvas, const AttractFrame& frame) const;
  // A dignified title slide for a bundle with nothing to play.
  void draw_title(ImDrawList* list, const Canvas& canvas, const std::string& title, text::Lang lang) const;

 private:
  void draw_slide(ImDrawList* list, const Canvas& canvas, const SlideContent& slide, const AttractFrame& frame,
                  float alpha, float offset_y, double time_in_slide) const;
  // Returns the bottom of what it drew.
  float draw_figure(ImDrawList* list, const Canvas& canvas, const SlideContent& slide, const AttractFrame& frame,
                    float alpha, ImVec2 origin, float width, double time_in_slide) const;
  void draw_landmark(ImDrawList* list, const Canvas& canvas, const SlideContent& slide, const AttractFrame& frame,
                     float alpha, ImVec2 shift) const;
  // The veils under the words, the category label and the chrome of a full-bleed picture.
  void draw_veils(ImDrawList* list, const Canvas& canvas, const SlideContent& slide, const AttractFrame& frame,
                  float alpha, const Rect& full, float text_top) const;
  void draw_project(ImDrawList* list, const Canvas& canvas, const SlideContent& slide, const AttractFrame& frame,
                    float alpha, ImVec2 shift) const;
  void draw_label(ImDrawList* list, const Canvas& canvas, const content::Category& category, text::Lang lang,
                  float alpha, ImVec2 at) const;
  void draw_chrome(ImDrawList* list, const Canvas& canvas, const AttractFrame& frame) const;
  std::string ui(content::UiKey key, text::Lang lang) const { return ui_text(strings_, key, lang); }

  const Fonts& fonts_;
  const UiStrings& strings_;
  ImageProvider& images_;
};

}  // namespace kiosk::ui
