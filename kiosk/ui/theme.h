#pragma once
// The kiosk's look: palette, type scale and the reference canvas everything is laid
// out on. Values follow the visual brief (shared/design/visual-brief.md); contrast
// ratios against `bg` are checked by a test.

#include <imgui.h>

#include <cstdint>
#include <string>

#include "kiosk/content/type_scale.h"

namespace kiosk::ui {

namespace colour {
constexpr uint32_t rgb(uint32_t hex) {
  return 0xFF000000u | ((hex & 0xFF) << 16) | (hex & 0xFF00) | ((hex >> 16) & 0xFF);
}
// ImGui packs colours as ABGR; these read as the brief's #RRGGBB.
constexpr uint32_t bg = rgb(0x0E1B2E);               // deep navy, the Haihe at dusk
constexpr uint32_t surface = rgb(0x16263D);          // tiles and cards
constexpr uint32_t surface_pressed = rgb(0x24395A);  // a lighter surface under the finger
constexpr uint32_t night = rgb(0x070E18);            // the closed screen: darker than bg
constexpr uint32_t text = rgb(0xF4F1EA);             // body and titles, 15.3:1
constexpr uint32_t muted = rgb(0xB8C2D0);            // captions, 9.6:1
constexpr uint32_t gold = rgb(0xF2C14E);             // figures, 10.3:1
constexpr uint32_t haitang = rgb(0xF08AA6);          // crabapple accent and the touch cue, 7.3:1
constexpr uint32_t teal = rgb(0x4FC1B0);
constexpr uint32_t brick = rgb(0xC8643F);  // fills and rules only, never text (4.4:1)
uint32_t with_alpha(uint32_t colour, float alpha);
uint32_t from_hex(const std::string& hex, uint32_t fallback);  // "#RRGGBB"
}  // namespace colour

// Touch targets in reference pixels: 80 px is about 25 mm on a 55" panel, above the
// 64 px (20 mm) minimum a finger needs.
constexpr float kTopBarHeight = 80;
constexpr float kArrowButtonSize = 88;

// Type roles, their sizes and fonts live below the ui (kiosk/content/type_scale.h), so
// that validation checks the fonts at the sizes baked here.
using content::Role;
using content::role_is_bold;
using content::role_size;

// WCAG 2 contrast ratio of two opaque colours (ImGui-packed), 1 to 21.
double contrast_ratio(uint32_t a, uint32_t b);

// The window mapped onto the 1920x1080 (or 1080x1920) reference canvas.
struct Canvas {
  float width = 1920, height = 1080;
  float scale = 1;
  bool portrait = false;
  float margin() const { return 96 * scale; }
  float px(float reference) const { return reference * scale; }
  static Canvas for_size(float width, float height);
};

// Strips ImGui's default look: no window chrome, padding, borders or rounding.
void apply_style(ImGuiStyle& style);

}  // namespace kiosk::ui
