#include "kiosk/ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace kiosk::ui {

uint32_t colour::with_alpha(uint32_t c, float alpha) {
  auto a = static_cast<uint32_t>(std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>(c >> 24) + 0.5f);
  return (c & 0x00FFFFFFu) | (a << 24);
}

uint32_t colour::from_hex(const std::string& hex, uint32_t fallback) {
  if (hex.size() != 7 || hex[0] != '#') return fallback;
  char* end = nullptr;
  unsigned long value = std::strtoul(hex.c_str() + 1, &end, 16);
  if (!end || *end != '\0') return fallback;
  return rgb(static_cast<uint32_t>(value));
}

double contrast_ratio(uint32_t a, uint32_t b) {
  auto luminance = [](uint32_t c) {
    auto channel = [](uint32_t v) {
      double s = static_cast<double>(v & 0xFF) / 255.0;
      return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c) + 0.7152 * channel(c >> 8) + 0.0722 * channel(c >> 16);  // ABGR: R is the low byte
  };
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Canvas Canvas::for_size(float width, float height) {
  Canvas c;
  c.width = width;
  c.height = height;
  c.portrait = height > width;
  c.scale = c.portrait ? std::min(width / 1080.0f, height / 1920.0f) : std::min(width / 1920.0f, height / 1080.0f);
  return c;
}

void apply_style(ImGuiStyle& style) {
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.WindowRounding = 0;
  style.FramePadding = ImVec2(0, 0);
  style.ItemSpacing = ImVec2(0, 0);
  style.AntiAliasedLines = true;
  style.AntiAliasedFill = true;
  style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colour::bg);
  style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colour::text);
}

}  // namespace kiosk::ui
