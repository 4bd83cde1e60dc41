#pragma once
// The presentation state machine: attract loop, browsing (home, category, detail, the
// report's full text), the idle countdown, modes and open hours. Driven by the injected
// clock and by visitor actions the ui recognised; it knows nothing of drawing.

#include <map>
#include <string>
#include <vector>

#include "kiosk/show/attract_loop.h"
#include "kiosk/show/civil_time.h"
#include "kiosk/show/scene.h"
#include "kiosk/text/lang.h"

namespace kiosk::show {

struct ShowSettings {
  bool interactive = true;  // false: slideshow mode, touches ignored
  double idle_timeout_s = 60;
  double countdown_s = 10;
  text::Lang language = text::Lang::Zh;  // the default a visitor first sees
  std::string open_from, open_to;        // HH:MM local time; both empty: always open
};

// The ids the visitor can browse: categories in order, and each one's items in order.
struct Catalogue {
  std::vector<std::string> categories;
  std::map<std::string, std::vector<std::string>> items;
};

class Show {
 public:
  Show(ShowSettings settings, Catalogue catalogue, std::vector<content::PlaylistEntry> playlist);

  void tick(double now, const CivilTime& wall);

  // Visitor actions. Each is also a touch; in slideshow mode all are ignored.
  void touch(double now);  // anywhere: dismisses the countdown, leaves the attract loop, wakes a closed screen
  void open_category(const std::string& id, double now);
  bool open_item(const std::string& id, double now);  // false for an id in no category
  bool neighbour(int step, double now);               // the next (+1) or previous (-1) item; false at either end
  void open_report(double now);                       // the report's full text, from the home screen
  // The district map, from the home screen or a landmark's page; back returns there, and
  // back from a landmark opened on the map returns to the map.
  void open_map(double now);
  void back(double now);
  void home(double now);
  void set_language(text::Lang lang, double now);
  void set_large_text(bool large, double now);
  // The attract loop's language while it plays (it may alternate with each pass): the
  // language the screens wake in. Ignored while a visitor browses.
  void set_resting_language(text::Lang lang);

  Scene scene() const;  // Countdown while the idle countdown runs over the browsing scene
  Scene browsing_scene() const { return scene_; }
  const std::string& category() const { return category_; }
  const std::string& item() const { return item_; }
  // The landmark whose page opened the map (empty: it was opened from home).
  const std::string& map_from_item() const { return map_from_item_; }
  text::Lang language() const { return language_; }
  bool large_text() const { return large_text_; }
  bool interactive() const { return settings_.interactive; }
  double countdown_remaining(double now) const;  // seconds, while the countdown shows
  int item_position() const;                     // index of the item in its category, -1 if none
  const Catalogue& catalogue() const { return catalogue_; }
  AttractLoop& attract() { return attract_; }
  const AttractLoop& attract() const { return attract_; }

  // The scenes entered since the last call, as logged: "attract", "category:ID" ...
  std::vector<std::string> take_scene_log();
  // Clock time of the next change that comes from time alone (idle, countdown tick).
  double next_deadline(double now) const;

 private:
  bool browsing() const {
    return scene_ == Scene::Home || scene_ == Scene::Category || scene_ == Scene::Detail || scene_ == Scene::Report ||
           scene_ == Scene::Map;
  }
  bool open_at(const CivilTime& wall) const;
  void enter(Scene scene);
  void return_to_rest(double now);
  bool accept_touch(double now);

  ShowSettings settings_;
  Catalogue catalogue_;
  AttractLoop attract_;
  Scene scene_ = Scene::Attract;
  std::string category_, item_;
  bool item_from_category_ = false;
  bool item_from_map_ = false;  // the detail was opened on the map
  std::string map_from_item_;   // the landmark whose page opened the map; empty: home
  text::Lang language_;
  bool large_text_ = false;
  double last_touch_ = 0;
  bool counting_down_ = false;
  bool open_ = true;
  CivilTime wall_;
  std::vector<std::string> log_;
};

std::string scene_log_name(Scene scene, const std::string& category, const std::string& item);

}  // namespace kiosk::show
