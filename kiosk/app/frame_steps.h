#pragma once
// The steps a window and a screenshot share: baking a session's fonts for a canvas,
// drawing one frame of its controller through its screen, and the log lines tests read.

#include <string>
#include <vector>

#include "kiosk/app/session.h"
#include "kiosk/platform/imgui_host.h"

namespace kiosk::app {

// Bakes the fonts of `session` for `canvas` and the text size the visitor chose, and
// uploads them; false (logged) when they cannot be baked.
bool rebake(Session& session, platform::ImGuiHost& host, const ui::Canvas& canvas);
// Draws the frame the controller says, and hands the controls drawn back to it. Returns
// the image ids the placeholder stood in for in that frame ("" : the view had none).
std::vector<std::string> draw_frame(Session& session, platform::ImGuiHost& host, const ui::Canvas& canvas, float dt);
void log_atlas(const Session& session);
void log_scenes(Session& session);  // "scene NAME" for every scene entered since the last call

}  // namespace kiosk::app
