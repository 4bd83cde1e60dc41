#pragma once
// The kiosk's screen for one bundle: turns pointer input into gestures and actions on
// the show state machine, and draws the scene the show is in. It also says when the
// next frame is due, so that the platform sleeps while nothing moves.

#include <imgui.h>

#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/show/gesture.h"
#include "kiosk/show/pin_attempts.h"
#include "kiosk/show/scroller.h"
#include "kiosk/show/show.h"
#include "kiosk/ui/attract_view.h"
#include "kiosk/ui/content_cache.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/operator_view.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

struct ScreenOptions {
  show::ShowSettings show;
  bool alternate_languages = true;        // the attract loop switches language with each pass
  double slow_motion_fps = 10;            // pulses and pans; 0 stops them (software rendering)
  std::filesystem::path atlas_cache_dir;  // baked atlases kept between starts; empty: none
};

class KioskScreen {
 public:
  KioskScreen(content::Bundle& bundle, ScreenOptions options, ImageProvider& images);

  // Bakes the fonts for this canvas (and the current text size) into `atlas`, or loads
  // them from the atlas cache when this bundle was baked so before.
  bool build_fonts(ImFontAtlas& atlas, const Canvas& canvas, std::string& error);
  bool fonts_from_cache() const { return fonts_from_cache_; }
  bool fonts_stale() const { return baked_large_text_ != show_.large_text(); }
  const Fonts& fonts() const { return fonts_; }

  // Pointer input in window pixels; `t` on the animation clock.
  void pointer_press(float x, float y, double t);
  void pointer_move(float x, float y, double t);
  void pointer_release(float x, float y, double t);

  void update(double now, const show::CivilTime& wall);
  // Draws the frame; taps landing on controls act on the show.
  void draw(ImDrawList* list, const Canvas& canvas, double now);
  double next_frame_time(double now) const;

  // Puts the show into a scene deterministically (screenshots): attract, home,
  // category:ID, detail:ID or countdown. Returns false for an unknown scene.
  bool go_to(const std::string& scene, double now, const show::CivilTime& wall);
  std::vector<std::string> take_scene_log();

  // The operator panel: opened by a 3-second press in the top-left corner and a PIN.
  // The app checks PINs, gathers what the panel shows and carries out its commands.
  // `check_pin` decides, and rate-limits, every PIN entered at the keypad.
  void set_operator_hooks(std::function<show::PinVerdict(const std::string&)> check_pin,
                          std::function<OperatorInfo()> info) {
    check_pin_ = std::move(check_pin);
    operator_info_ = std::move(info);
  }
  // Reload, Rollback or Maintenance, once, when the operator tapped it.
  OperatorTap::Kind take_operator_command() { return std::exchange(operator_command_, OperatorTap::None); }
  // For screenshots: the keypad ("operator-pin") or the panel ("operator") without the gesture.
  void show_operator(bool panel);

  // What was shown since the last call, for the play statistics: items the attract loop
  // showed, and items visitors opened.
  struct PlayEvents {
    std::vector<std::string> shown, opened;
  };
  PlayEvents take_play_events() { return std::exchange(plays_, {}); }
  void set_slow_motion_fps(double fps) { options_.slow_motion_fps = fps; }
  show::Show& show() { return show_; }

 private:
  text::Lang attract_language() const;
  const SlideContent* slide_for(const content::PlaylistEntry& entry);
  GlyphNeeds glyph_needs();
  void apply(const Action& action, double now);
  void handle_gestures(double now, const Canvas& canvas);
  void draw_attract(ImDrawList* list, const Canvas& canvas, double now);
  std::string clock_text() const;

  content::Bundle& bundle_;
  ScreenOptions options_;
  ImageProvider& images_;
  ContentCache content_;
  UiStrings strings_;
  show::Show show_;
  show::GestureRecognizer gestures_{16};
  show::Scroller category_scroll_, detail_scroll_;
  std::string scrolled_for_;  // the scene the scrollers belong to
  std::map<std::string, SlideContent> slides_;
  size_t passes_ = 0, last_position_ = 0;
  std::string last_opened_;
  double last_slide_start_ = -1e9;
  PlayEvents plays_;
  Fonts fonts_;
  bool baked_large_text_ = false;
  bool fonts_from_cache_ = false;
  std::unique_ptr<AttractView> attract_view_;
  double last_update_ = 0;
  bool input_changed_ = false;
  bool swallow_tap_ = false;  // the press woke the screen or dismissed the countdown
  struct PendingTap {
    show::Point where;
    bool swallow;
  };
  std::deque<PendingTap> taps_;
  enum class OperatorStage { Hidden, Keypad, Panel } operator_ = OperatorStage::Hidden;
  std::function<show::PinVerdict(const std::string&)> check_pin_;
  std::function<OperatorInfo()> operator_info_;
  OperatorTap::Kind operator_command_ = OperatorTap::None;
  std::string pin_, pin_message_;
  std::vector<bool> touched_cells_;
  double press_time_ = 0;
  bool operator_hold_possible() const;
  void draw_operator(const ViewContext& ctx);
  std::vector<std::string> operator_log_;
  show::CivilTime wall_;
  Canvas last_canvas_;
};

}  // namespace kiosk::ui
