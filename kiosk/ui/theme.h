#pragma once
// The kiosk's look: palette, type scale and the reference canvas everything is laid
// out on. Values follow the visual brief (shared/design/visual-brief.md); contrast
// ratios against `bg` are checked by a test.

#include <imgui.h>

#include <array>
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

// The type scale, named: each role's size at the 1920x1080 reference (font size as ImGui
// counts it, the line height it lays out by) in normal and large text, the floor no layout
// may draw it under in either, and why. The brief's floors hold whatever the layout: no role
// under the caption's 28 px, body 36 px, attract-loop titles 72 px (read from 3 m). A layout
// that runs out of room reflows or scrolls; it never draws a role smaller
// (tests/unit/test_layout_audit.cpp checks every text every view draws).
struct TypeRole {
  Role role;
  const char* name;
  float normal, large, floor;
  const char* reason;
};
constexpr std::array<TypeRole, content::kAllRoles.size()> kTypeScale = {{
    {Role::Figure, "display figure", 240, 240, 220,
     "the one number of a figure slide or page, the picture of it, read across the hall (the brief's 220-260)"},
    {Role::FigureUnit, "figure unit", 96, 96, 88,
     "a figure's qualifier and unit, about 40% of its digits on their baseline: attached, and plainly smaller"},
    {Role::Title, "title", 72, 72, 72, "slide and screen titles; the attract loop's are read from 3 m, never under 72"},
    {Role::Heading, "heading", 48, 48, 48,
     "tile labels, card titles, the report's quotes and the touch cue's Chinese line: a step under titles"},
    {Role::Body, "body", 36, 48, 36,
     "summaries and detail text, 28-34 Chinese characters a line; large text raises it to 48"},
    {Role::Caption, "caption", 28, 36, 28,
     "sources, credits, hints and counters, the first to be squeezed and the smallest a visitor reads: the floor "
     "of every role; large text raises it to 36"},
    {Role::Label, "label", 30, 36, 28,
     "pill and button labels, a shade over captions so a control reads before its hint; 36 in large text"},
}};

// The entry of `role` in the scale.
constexpr const TypeRole& type_role(Role role) {
  return kTypeScale[static_cast<size_t>(role)];
}

// The scale names the sizes the fonts are baked at, in the roles' own order.
constexpr bool type_scale_matches_bake() {
  for (size_t i = 0; i < kTypeScale.size(); ++i) {
    const auto& t = kTypeScale[i];
    if (t.role != content::kAllRoles[i] || t.normal != role_size(t.role, false) || t.large != role_size(t.role, true))
      return false;
  }
  return true;
}
static_assert(type_scale_matches_bake(), "kTypeScale must name the sizes of content/type_scale.h");

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
