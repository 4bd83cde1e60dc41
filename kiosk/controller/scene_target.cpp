#include "kiosk/controller/scene_target.h"

namespace kiosk::controller {

std::optional<SceneTarget> parse_scene_target(const std::string& name) {
  if (name == "attract") return SceneTarget{SceneTarget::Attract, ""};
  if (name == "home") return SceneTarget{SceneTarget::Home, ""};
  if (name == "report") return SceneTarget{SceneTarget::Report, ""};
  if (name == "map") return SceneTarget{SceneTarget::Map, ""};
  if (name == "countdown") return SceneTarget{SceneTarget::Countdown, ""};
  if (name == "operator-pin") return SceneTarget{SceneTarget::OperatorKeypad, ""};
  if (name == "operator") return SceneTarget{SceneTarget::OperatorPanel, ""};
  auto colon = name.find(':');
  if (colon == std::string::npos || colon + 1 == name.size()) return std::nullopt;
  std::string kind = name.substr(0, colon), id = name.substr(colon + 1);
  if (kind == "category") return SceneTarget{SceneTarget::Category, id};
  if (kind == "detail") return SceneTarget{SceneTarget::Detail, id};
  if (kind == "map") return SceneTarget{SceneTarget::Map, id};  // as that landmark's page opens it
  if (kind == "report") {
    if (id.size() > 4 || id.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return SceneTarget{SceneTarget::Report, "", std::stoul(id)};
  }
  return std::nullopt;
}

}  // namespace kiosk::controller
