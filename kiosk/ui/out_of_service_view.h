#pragma once
// The screen a kiosk shows when no bundle can be opened at all: calm, in both languages,
// drawn with the small font compiled into the binary.

#include <imgui.h>

#include <string>
#include <vector>

#include "kiosk/ui/fonts.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {

// `lines`: title zh, title en, message zh, message en.
void draw_out_of_service(ImDrawList* list, const Canvas& canvas, const Fonts& fonts,
                         const std::vector<std::string>& lines, ImVec2 drift);

}  // namespace kiosk::ui
