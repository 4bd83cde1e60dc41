#pragma once
// The scenes a visitor can see, with the names the kiosk logs ("scene NAME").

namespace kiosk::show {

enum class Scene { Attract, Home, Category, Detail, Report, Map, Countdown, Closed };

const char* scene_name(Scene scene);

}  // namespace kiosk::show
