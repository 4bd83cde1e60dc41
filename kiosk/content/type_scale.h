#pragma once
// The kiosk's type roles, the pixel size each is baked at on the reference canvas and
// which of the bundle's two fonts draws it. Below the ui so that `kioskctl validate`
// checks the fonts at the very sizes the kiosk bakes (the ui re-exports these).

#include <array>

namespace kiosk::content {

// Type roles and their sizes in reference pixels. Large text (for visitors with low
// vision) raises body, caption and label sizes; layouts reflow rather than shrink.
enum class Role { Figure, FigureUnit, Title, Heading, Body, Caption, Label, Count };

constexpr std::array<Role, static_cast<size_t>(Role::Count)> kAllRoles = {
    Role::Figure, Role::FigureUnit, Role::Title, Role::Heading, Role::Body, Role::Caption, Role::Label};

constexpr float role_size(Role role, bool large_text = false) {
  switch (role) {
    case Role::Figure: return 240;
    case Role::FigureUnit: return 96;  // about 40% of the digits, on the same baseline
    case Role::Title: return 72;
    case Role::Heading: return 48;
    case Role::Body: return large_text ? 48 : 36;
    case Role::Caption: return large_text ? 36 : 28;
    case Role::Label: return large_text ? 36 : 30;
    case Role::Count: break;
  }
  return 36;
}

// Body and caption are set in the regular font, everything else in the bold.
constexpr bool role_is_bold(Role role) {
  return role != Role::Body && role != Role::Caption;
}

// Sizes above this many pixels are rasterised by the kiosk itself, not by ImGui's FreeType
// builder, whose glyphs must stay within 65,536 pixels (a CJK glyph at 250 px is about 250x250).
constexpr float kLargestBuilderGlyphPx = 250;

// The canvas scales the kiosk is checked for: the 1920x1080 reference (and 1080x1920
// portrait) and 3840x2160. A bake at another scale rounds sizes in between.
constexpr std::array<float, 2> kCheckedScales = {1, 2};

}  // namespace kiosk::content
