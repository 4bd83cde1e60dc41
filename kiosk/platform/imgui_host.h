#pragma once
// Hosts Dear ImGui on a window: the GLFW and OpenGL 3 backends, and the font atlas
// uploaded as a single-channel texture (a quarter of ImGui's default RGBA upload).

#include <imgui.h>

namespace kiosk::platform {

class Window;

class ImGuiHost {
 public:
  // The kiosk takes its input from the window itself (touch widgets of its own), so no
  // ImGui input backend is installed and the display size is set each frame.
  explicit ImGuiHost(Window& window);
  ~ImGuiHost();
  ImGuiHost(const ImGuiHost&) = delete;
  ImGuiHost& operator=(const ImGuiHost&) = delete;

  ImFontAtlas& atlas() { return *ImGui::GetIO().Fonts; }
  // Draws with `atlas` (built elsewhere, owned by the caller) from now on, and uploads it.
  void use_atlas(ImFontAtlas& atlas);
  // Uploads the built atlas; call after every rebuild.
  void upload_fonts();
  void begin_frame(float width, float height, float delta_seconds);
  void render();

 private:
  unsigned font_texture_ = 0;
  ImFontAtlas* own_atlas_ = nullptr;  // the context's own, restored before it is destroyed
};

}  // namespace kiosk::platform
