#include "kiosk/show/scene.h"

namespace kiosk::show {

const char* scene_name(Scene scene) {
  switch (scene) {
    case Scene::Attract: return "attract";
    case Scene::Home: return "home";
    case Scene::Category: return "category";
    case Scene::Detail: return "detail";
    case Scene::Report: return "report";
    case Scene::Map: return "map";
    case Scene::Countdown: return "countdown";
    case Scene::Closed: return "closed";
  }
  return "attract";
}

}  // namespace kiosk::show
