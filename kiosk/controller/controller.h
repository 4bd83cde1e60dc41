#pragma once
// The kiosk's headless controller for one bundle: it takes pointer events in screen
// coordinates and time from an injected clock, recognises gestures, decides what a tap
// on a control the views reported means, scrolls, navigates the show, runs the operator
// panel's stages, counts plays, says which pictures are needed next and when the next
// frame is due. Each frame it hands the views a FrameModel and takes back their report.

#include <deque>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/controller/action.h"
#include "kiosk/controller/content_cache.h"
#include "kiosk/controller/operator_flow.h"
#include "kiosk/controller/report_pager.h"
#include "kiosk/controller/scene_target.h"
#include "kiosk/controller/scroller.h"
#include "kiosk/show/clock.h"
#include "kiosk/show/gesture.h"
#include "kiosk/show/show.h"

namespace kiosk::controller {

// What a picture loaded ahead will be drawn as: a category's card, or the attract loop's
// full screen.
enum class PictureUse { Card, FullScreen };

struct ControllerOptions {
  show::ShowSettings show;
  bool alternate_languages = true;  // the attract loop switches language with each pass
  double slow_motion_fps = 10;      // pulses and pans; 0 stops them (software rendering)
  // How many of a category's pictures load ahead of its list (prefetch.h). Nine (a
  // screenful) raised the synthetic bundle's visitor-phase PSS maximum from 130 to 163 MB:
  // each card still decodes its whole picture before it is scaled to a thumbnail.
  size_t prefetch_pictures = 3;
  std::optional<Site> site;  // where the kiosk stands (site.lat, site.lon): the map's 'you are here'
};

// The screen in pixels and its scale against the 1920x1080 reference canvas; distances
// such as the tap slop are given at the reference size.
struct Viewport {
  float width = 1920, height = 1080, scale = 1;
  float px(float reference) const { return reference * scale; }
};

// The pointer as the views draw it: which control is pressed.
struct PointerState {
  bool down = false, dragging = false;
  Point position, press_position;
};

// How long the attract loop takes to reveal a slide's figure; frames are due while it runs.
constexpr double kFigureRevealSeconds = 1.2;

// The attract loop's slide for one frame.
struct AttractModel {
  bool has_slide = false;
  std::string current, previous;  // item ids; previous only while a transition runs
  double time_in_slide = 0, transition = 1;
  double previous_time_in_slide = 0;  // the outgoing slide's, while a transition runs
  bool slide_transition = false;
  size_t position = 0, count = 0;
  text::Lang lang = text::Lang::Zh;
  double pulse = 0, slow_time = 0;  // slow motion, quantised to its rate
};

// Everything the views need to draw one frame.
struct FrameModel {
  double now = 0;
  show::Scene scene = show::Scene::Attract;  // the browsing scene under any countdown
  bool counting_down = false;
  double countdown_remaining = 0;
  std::string category, item;
  int item_position = -1, item_count = 1;
  float scroll = 0;           // of the category's list or the detail's text
  size_t report_section = 0;  // the report's full text: the section shown and its page
  int report_page = 0, report_page_count = 1;
  text::Lang lang = text::Lang::Zh;
  bool large_text = false, interactive = true;
  std::optional<Site> site;  // the map's 'you are here'
  std::string map_focus;     // the map: the landmark whose page opened it, marked out among the others
  show::CivilTime wall;
  PointerState pointer;  // empty while the operator's screens cover the visitor's
  AttractModel attract;
  OperatorStage operator_stage = OperatorStage::Hidden;
  PointerState operator_pointer;
  size_t pin_digits = 0;
  PinMessage pin_message;
  std::vector<bool> touched_cells;
};

// What was shown since the last call, for the play statistics.
struct PlayEvents {
  std::vector<std::string> shown, opened;  // by the attract loop; by visitors
};

class Controller {
 public:
  Controller(ControllerOptions options, ContentCache& content, const show::Clock& clock);

  void set_check_pin(OperatorFlow::CheckPin check) { operator_.set_check_pin(std::move(check)); }
  void set_slow_motion_fps(double fps) { options_.slow_motion_fps = fps; }
  void set_viewport(const Viewport& viewport) { viewport_ = viewport; }

  void pointer_press(Point p);
  void pointer_move(Point p);
  void pointer_release(Point p);

  // Time passes: the show ticks, inertia runs, plays are counted.
  void update(const show::CivilTime& wall);
  // The frame to draw now; a tap since the last frame acts on the controls of that frame.
  FrameModel begin_frame();
  void end_frame(FrameReport report);
  double next_frame_time(bool images_loading) const;
  // The pictures the screen will need next (the next slide's, the pressed category's), to
  // load ahead, and what they will be drawn as (the screen knows at what size).
  std::vector<std::string> pictures_needed() const { return prefetch_; }
  PictureUse pictures_needed_use() const { return prefetch_use_; }

  // Puts the show into a scene without a visitor; false for an id the bundle lacks.
  bool go_to(const SceneTarget& target, const show::CivilTime& wall);
  std::vector<std::string> take_scene_log();
  PlayEvents take_play_events() { return std::exchange(plays_, {}); }
  OperatorCommand take_operator_command() { return operator_.take_command(); }

  show::Show& show() { return show_; }
  const show::Show& show() const { return show_; }
  const OperatorFlow& operator_flow() const { return operator_; }
  const ReportPager& report_pager() const { return report_; }

 private:
  struct PendingTap {
    show::Point where;
    bool swallow;
  };
  void apply(const Action& action, double now);
  void handle_gestures(double now);
  void scroll_for_scene();
  std::vector<std::string> pictures_ahead();
  bool operator_hold_possible() const;
  std::string hits_key() const;
  text::Lang attract_language() const;
  AttractModel attract_model(double now) const;
  const content::Item* slide_item(const std::string& id);

  ControllerOptions options_;
  ContentCache& content_;
  const show::Clock& clock_;
  show::Show show_;
  Viewport viewport_;
  show::GestureRecognizer gestures_{16};
  std::deque<PendingTap> taps_;
  bool swallow_tap_ = false;  // the press woke the screen or dismissed the countdown
  bool input_changed_ = false;
  double press_time_ = 0;
  Scroller category_scroll_, detail_scroll_;
  ReportPager report_;
  std::string scrolled_for_;  // the scene the scrollers belong to
  show::Scene scrolled_scene_ = show::Scene::Attract;
  std::string scrolled_for_category_;
  bool was_resting_ = true;  // the attract loop (or the closed screen) was shown at the last update
  std::vector<Hit> hits_;    // the controls of the last frame drawn
  std::string hits_for_;     // the scene they were drawn in
  OperatorFlow operator_;
  show::CivilTime wall_;
  double last_update_ = 0;
  size_t passes_ = 0, last_position_ = 0;
  double last_slide_start_ = -1e9;
  std::string last_opened_;
  PlayEvents plays_;
  std::vector<std::string> prefetch_;
  PictureUse prefetch_use_ = PictureUse::Card;
};

// Whether the attract loop draws the item's picture (landmarks full bleed, projects beside
// their text); a figure slide shows its number instead, so its picture need not be loaded.
bool attract_shows_picture(const content::Item& item);
// Whether an item's detail screen leads with its picture: an item without a figure that
// has one. An item with neither is laid out as a text panel, with no picture slot at all,
// so no screen of a complete bundle stands an empty frame in for content.
bool detail_shows_picture(const content::Item& item);
// Whether a category's card for the item carries a picture: only when the item has one.
bool card_shows_picture(const content::ItemSummary& item);

}  // namespace kiosk::controller
