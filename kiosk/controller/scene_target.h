#pragma once
// The scenes the kiosk can be put into without a visitor (screenshots, tests), as typed
// targets rather than strings: parsed once from "attract", "home", "countdown",
// "category:ID", "detail:ID", "report", "report:N" (the Nth section, from 0), "map",
// "operator-pin" or "operator".

#include <cstddef>
#include <optional>
#include <string>

namespace kiosk::controller {

struct SceneTarget {
  enum Kind { Attract, Home, Countdown, Category, Detail, Report, Map, OperatorKeypad, OperatorPanel } kind = Attract;
  std::string id;      // the category or item
  size_t section = 0;  // the report's section
};

// nullopt for a name that is none of the above; ids are checked against the bundle later.
std::optional<SceneTarget> parse_scene_target(const std::string& name);

}  // namespace kiosk::controller
