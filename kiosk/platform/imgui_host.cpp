#include "kiosk/platform/imgui_host.h"

#include <backends/imgui_impl_opengl3.h>

#include <cstdint>

#include "kiosk/platform/gl.h"
#include "kiosk/platform/window.h"

namespace kiosk::platform {
namespace {

bool same_colour(const ImDrawVert* v, int n) {
  for (int i = 1; i < n; ++i)
    if (v[i].col != v[0].col) return false;
  return true;
}

// Whether the first thing drawn is one opaque, untextured rectangle over the whole display
// (every screen starts with its backdrop so): AddRectFilled's four corners and two triangles.
bool starts_with_backdrop(const ImDrawData& data, const ImVec2& white) {
  if (data.CmdListsCount == 0) return false;
  const ImDrawList& list = *data.CmdLists[0];
  if (list.CmdBuffer.Size == 0 || list.IdxBuffer.Size < 6 || list.VtxBuffer.Size < 4) return false;
  const ImDrawCmd& cmd = list.CmdBuffer[0];
  if (cmd.UserCallback || cmd.ElemCount < 6 || cmd.IdxOffset != 0 || cmd.VtxOffset != 0) return false;
  const ImDrawIdx* i = list.IdxBuffer.Data;
  if (i[0] != 0 || i[1] != 1 || i[2] != 2 || i[3] != 0 || i[4] != 2 || i[5] != 3) return false;
  const ImDrawVert* v = list.VtxBuffer.Data;
  if (!same_colour(v, 4) || (v[0].col & IM_COL32_A_MASK) != IM_COL32_A_MASK) return false;
  for (int k = 0; k < 4; ++k)
    if (v[k].uv.x != white.x || v[k].uv.y != white.y) return false;
  ImVec2 lo = data.DisplayPos, hi(lo.x + data.DisplaySize.x, lo.y + data.DisplaySize.y);
  return v[0].pos.x <= lo.x && v[0].pos.y <= lo.y && v[1].pos.x >= hi.x && v[1].pos.y == v[0].pos.y &&
         v[2].pos.x == v[1].pos.x && v[2].pos.y >= hi.y && v[3].pos.x == v[0].pos.x && v[3].pos.y == v[2].pos.y;
}

// On llvmpipe the backdrop, shaded and blended like any quad, was the largest single cost
// of a transition frame (perf: 90% of its CPU in the JIT-compiled fragment code). A clear
// to the same colour gives the same pixels at the cost of a fill.
void clear_instead_of_backdrop(ImDrawData& data, const ImVec2& white) {
  if (!starts_with_backdrop(data, white)) return;
  ImDrawList& list = *data.CmdLists[0];
  ImVec4 c = ImGui::ColorConvertU32ToFloat4(list.VtxBuffer.Data[0].col);
  GLboolean scissor = glIsEnabled(GL_SCISSOR_TEST);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(c.x, c.y, c.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  if (scissor) glEnable(GL_SCISSOR_TEST);
  list.CmdBuffer[0].IdxOffset += 6;
  list.CmdBuffer[0].ElemCount -= 6;
}

}  // namespace

ImGuiHost::ImGuiHost(Window&) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  ImGui_ImplOpenGL3_Init("#version 330 core");
  // The backend's device objects come with its own RGBA font texture; the kiosk uploads a
  // single-channel one instead (upload_fonts). One white pixel stands in for the backend's
  // texture, so that ImGui's default font is not built for it (on the cold start's path).
  auto* white = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));
  *white = 0xFFFFFFFFu;
  io.Fonts->TexPixelsRGBA32 = white;  // the atlas frees it
  io.Fonts->TexWidth = io.Fonts->TexHeight = 1;
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
  ImDrawData* data = ImGui::GetDrawData();
  clear_instead_of_backdrop(*data, ImGui::GetIO().Fonts->TexUvWhitePixel);
  ImGui_ImplOpenGL3_RenderDrawData(data);
}

}  // namespace kiosk::platform
