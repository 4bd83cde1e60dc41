#include "kiosk/app/frame_steps.h"

#include <iostream>

namespace kiosk::app {

void log_atlas(const Session& session) {
  const auto& f = session.screen->fonts();
  std::cerr << "font atlas " << f.atlas_width() << "x" << f.atlas_height() << " (" << f.atlas_bytes() << " bytes"
            << (session.screen->fonts_from_cache() ? ", from the cache" : "") << ")" << std::endl;
}

void log_scenes(Session& session) {
  for (const auto& scene : session.controller->take_scene_log()) std::cerr << "scene " << scene << std::endl;
}

bool rebake(Session& session, platform::ImGuiHost& host, const ui::Canvas& canvas) {
  std::string error;
  if (!session.screen->build_fonts(*session.atlas, canvas, session.controller->show().large_text(), error)) {
    std::cerr << "kiosk: " << error << std::endl;
    return false;
  }
  session.canvas = canvas;
  session.controller->set_viewport(ui::viewport_of(canvas));
  host.upload_fonts();
  log_atlas(session);
  return true;
}

std::vector<std::string> draw_frame(Session& session, platform::ImGuiHost& host, const ui::Canvas& canvas, float dt) {
  auto& controller = *session.controller;
  controller.set_viewport(ui::viewport_of(canvas));
  auto frame = controller.begin_frame();
  host.begin_frame(canvas.width, canvas.height, dt);
  std::vector<std::string> placeholders;
  try {
    auto report = session.screen->draw(ImGui::GetBackgroundDrawList(), canvas, frame);
    placeholders = report.placeholders;
    controller.end_frame(std::move(report));
  } catch (...) {
    ImGui::EndFrame();  // the frame is abandoned; ImGui must not be mid-frame as it is torn down
    throw;
  }
  host.render();
  return placeholders;
}

}  // namespace kiosk::app
