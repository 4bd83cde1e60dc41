#include "kiosk/show/show.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk::show {

std::string scene_log_name(Scene scene, const std::string& category, const std::string& item) {
  if (scene == Scene::Category) return "category:" + category;
  if (scene == Scene::Detail) return "detail:" + item;
  return scene_name(scene);
}

Show::Show(ShowSettings settings, Catalogue catalogue, std::vector<content::PlaylistEntry> playlist)
    : settings_(std::move(settings)),
      catalogue_(std::move(catalogue)),
      attract_(std::move(playlist)),
      language_(settings_.language) {
  log_.push_back(scene_name(Scene::Attract));
}

bool Show::open_at(const CivilTime& wall) const {
  if (settings_.open_from.empty() || settings_.open_to.empty()) return true;
  std::string t = wall.time();
  if (settings_.open_from <= settings_.open_to) return t >= settings_.open_from && t < settings_.open_to;
  return t >= settings_.open_from || t < settings_.open_to;
}

void Show::enter(Scene scene) {
  scene_ = scene;
  counting_down_ = false;
  log_.push_back(scene_log_name(scene, category_, item_));
}

Scene Show::scene() const {
  return counting_down_ ? Scene::Countdown : scene_;
}

void Show::return_to_rest(double now) {
  language_ = settings_.language;
  large_text_ = false;
  category_.clear();
  item_.clear();
  attract_.restart(now, wall_);
  enter(open_ ? Scene::Attract : Scene::Closed);
}

void Show::tick(double now, const CivilTime& wall) {
  wall_ = wall;
  open_ = open_at(wall);
  if (browsing()) {
    double idle = now - last_touch_;
    if (idle >= settings_.idle_timeout_s + settings_.countdown_s) {
      return_to_rest(now);
    } else if (idle >= settings_.idle_timeout_s && !counting_down_) {
      counting_down_ = true;
      log_.push_back(scene_name(Scene::Countdown));
    }
  } else if (scene_ == Scene::Attract && !open_) {
    enter(Scene::Closed);
  } else if (scene_ == Scene::Closed && open_) {
    attract_.restart(now, wall);
    enter(Scene::Attract);
  }
  if (scene_ == Scene::Attract) attract_.advance(now, wall);
}

bool Show::accept_touch(double now) {
  if (!settings_.interactive) return false;
  last_touch_ = now;
  if (counting_down_) {
    counting_down_ = false;
    log_.push_back(scene_log_name(scene_, category_, item_));
  }
  return true;
}

void Show::touch(double now) {
  if (!accept_touch(now)) return;
  if (scene_ == Scene::Attract || scene_ == Scene::Closed) enter(Scene::Home);
}

void Show::open_category(const std::string& id, double now) {
  if (!accept_touch(now) || !catalogue_.items.count(id)) return;
  category_ = id;
  item_.clear();
  enter(Scene::Category);
}

bool Show::open_item(const std::string& id, double now) {
  if (!accept_touch(now)) return false;
  // The item's own category gives the neighbours; an id in none of them is no item at all.
  const std::string* home = nullptr;
  for (const auto& [category, items] : catalogue_.items)
    if (std::find(items.begin(), items.end(), id) != items.end()) home = &category;
  if (!home) return false;
  item_from_category_ = scene_ == Scene::Category && *home == category_;
  item_from_map_ = scene_ == Scene::Map;
  if (!item_from_category_) category_ = *home;
  item_ = id;
  enter(Scene::Detail);
  return true;
}

int Show::item_position() const {
  auto it = catalogue_.items.find(category_);
  if (it == catalogue_.items.end()) return -1;
  auto pos = std::find(it->second.begin(), it->second.end(), item_);
  return pos == it->second.end() ? -1 : static_cast<int>(pos - it->second.begin());
}

bool Show::neighbour(int step, double now) {
  if (!accept_touch(now) || scene_ != Scene::Detail) return false;
  int pos = item_position();
  if (pos < 0) return false;
  const auto& items = catalogue_.items.at(category_);
  int next = pos + step;
  if (next < 0 || next >= static_cast<int>(items.size())) return false;
  item_ = items[static_cast<size_t>(next)];
  enter(Scene::Detail);
  return true;
}

void Show::open_report(double now) {
  if (!accept_touch(now)) return;
  category_.clear();
  item_.clear();
  enter(Scene::Report);
}

void Show::open_map(double now) {
  if (!accept_touch(now)) return;
  map_from_item_ = scene_ == Scene::Detail ? item_ : std::string();
  item_.clear();
  enter(Scene::Map);
}

void Show::back(double now) {
  if (!accept_touch(now)) return;
  if (scene_ == Scene::Detail && item_from_map_) {
    item_.clear();
    item_from_map_ = false;
    enter(Scene::Map);
  } else if (scene_ == Scene::Map && !map_from_item_.empty()) {
    item_ = std::exchange(map_from_item_, {});
    item_from_category_ = item_from_map_ = false;
    enter(Scene::Detail);
  } else if (scene_ == Scene::Detail && item_from_category_) {
    item_.clear();
    enter(Scene::Category);
  } else if (browsing()) {
    home(now);
  }
}

void Show::home(double now) {
  if (!accept_touch(now)) return;
  category_.clear();
  item_.clear();
  map_from_item_.clear();
  item_from_map_ = false;
  enter(Scene::Home);
}

void Show::set_language(text::Lang lang, double now) {
  if (accept_touch(now)) language_ = lang;
}

void Show::set_large_text(bool large, double now) {
  if (accept_touch(now)) large_text_ = large;
}

void Show::set_resting_language(text::Lang lang) {
  if (scene_ == Scene::Attract || scene_ == Scene::Closed) language_ = lang;
}

double Show::countdown_remaining(double now) const {
  if (!counting_down_) return 0;
  return std::max(0.0, last_touch_ + settings_.idle_timeout_s + settings_.countdown_s - now);
}

std::vector<std::string> Show::take_scene_log() {
  return std::exchange(log_, {});
}

double Show::next_deadline(double now) const {
  if (browsing()) {
    double countdown_at = last_touch_ + settings_.idle_timeout_s;
    if (now < countdown_at) return countdown_at;
    // The countdown's number changes once a second.
    double into = now - countdown_at;
    return countdown_at + std::min(settings_.countdown_s, std::floor(into) + 1);
  }
  if (scene_ == Scene::Attract) return attract_.next_change(now);
  return now + 30;  // closed: look at the wall clock twice a minute
}

}  // namespace kiosk::show
