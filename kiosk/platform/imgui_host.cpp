#include "kiosk/platform/imgui_host.h"

#include <backends/imgui_impl_opengl3.h>

#include <cstdint>

#include "kiosk/platform/gl.h"
#include "kiosk/platform/window.h"

namespace kiosk::platform {

ImGuiHost::ImGuiHost(Window&) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  ImGui_ImplOpenGL3_Init("#version 330 core");
  // The backend's device objects come with its own RGBA font texture; the kiosk
  // uploads a single-channel one instead (upload_fonts).
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  io.Fonts->Clear();
  own_atlas_ = io.Fonts;
}

void ImGuiHost::use_atlas(ImFontAtlas& atlas) {
  ImGui::GetIO().Fonts = &atlas;
  upload_fonts();
}

ImGuiHost::~ImGuiHost() {
  if (font_texture_) glDeleteTextures(1, &font_texture_);
  // A session's atlas may already be gone: the context gets its own back first.
  ImGui::GetIO().Fonts = own_atlas_;
  ImGui::GetIO().Fonts->SetTexID(nullptr);
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiHost::upload_fonts() {
  ImFontAtlas& fonts = *ImGui::GetIO().Fonts;
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  fonts.GetTexDataAsAlpha8(&pixels, &width, &height);
  if (!font_texture_) glGenTextures(1, &font_texture_);
  GLint last_texture = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
  glBindTexture(GL_TEXTURE_2D, font_texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  // ImGui's shader multiplies by the texture's RGBA: white with the coverage as alpha.
  const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
  fonts.SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(font_texture_)));
  fonts.ClearTexData();  // the GPU has it now
}

void ImGuiHost::begin_frame(float width, float height, float delta_seconds) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(width, height);
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = delta_seconds > 0 ? delta_seconds : 1.0f / 60;
  ImGui::NewFrame();
}

void ImGuiHost::render() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace kiosk::platform
