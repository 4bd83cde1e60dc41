// Legibility from across a hall: contrast ratios computed from the theme's own colours
// (WCAG 2 formula), and the accents the content gives its categories.

#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "kiosk/authoring/sources.h"
#include "kiosk/ui/theme.h"

using namespace kiosk::ui;

TEST_CASE("theme: the contrast formula gives WCAG's known values") {
  CHECK(contrast_ratio(colour::rgb(0x000000), colour::rgb(0xFFFFFF)) == doctest::Approx(21.0));
  CHECK(contrast_ratio(colour::rgb(0x777777), colour::rgb(0xFFFFFF)) == doctest::Approx(4.48).epsilon(0.01));
  CHECK(contrast_ratio(colour::text, colour::bg) == doctest::Approx(15.3).epsilon(0.02));  // the brief's figure
}

TEST_CASE("theme: body text is at least 7:1 on every ground it is drawn on") {
  for (uint32_t ground : {colour::bg, colour::surface, colour::surface_pressed})
    CHECK(contrast_ratio(colour::text, ground) >= 7.0);
  // Muted body text (slide summaries, the countdown's line) stands on the ground and on cards.
  for (uint32_t ground : {colour::bg, colour::surface}) CHECK(contrast_ratio(colour::muted, ground) >= 7.0);
  // Under a finger a card lightens for a moment; its muted captions stay above 4.5:1.
  CHECK(contrast_ratio(colour::muted, colour::surface_pressed) >= 4.5);
}

TEST_CASE("theme: figures, accents and labels are at least 4.5:1") {
  for (uint32_t ground : {colour::bg, colour::surface})
    for (uint32_t ink : {colour::gold, colour::haitang, colour::teal}) CHECK(contrast_ratio(ink, ground) >= 4.5);
  CHECK(contrast_ratio(colour::bg, colour::gold) >= 4.5);  // the label on a selected pill
  CHECK(contrast_ratio(colour::brick, colour::bg) < 4.5);  // which is why brick is never text
}

TEST_CASE("theme: every category accent of the report is legible as text on tiles and the ground") {
  auto result = kiosk::authoring::read_sources(std::string(KIOSK_SOURCE_DIR) + "/db/content");
  REQUIRE(!result.sources.categories.empty());
  for (const auto& category : result.sources.categories) {
    uint32_t accent = colour::from_hex(category.accent, 0);
    INFO(category.id << " " << category.accent);
    CHECK(contrast_ratio(accent, colour::bg) >= 4.5);
    CHECK(contrast_ratio(accent, colour::surface) >= 4.5);
  }
}

TEST_CASE("theme: touch targets are at least 64 px on the reference canvas") {
  CHECK(kTopBarHeight >= 64);
  CHECK(kArrowButtonSize >= 64);
  CHECK(role_size(Role::Body, true) > role_size(Role::Body, false));
  CHECK(role_size(Role::Caption, true) >= 36);
  auto portrait = Canvas::for_size(1080, 1920);
  CHECK(portrait.scale == doctest::Approx(1.0));
  CHECK(Canvas::for_size(3840, 2160).scale == doctest::Approx(2.0));
}

#include "kiosk/ui/attract_view.h"

TEST_CASE("theme: the static chrome drifts by a pixel or two over the day, and back") {
  std::set<std::pair<float, float>> seen;
  for (int minute = 0; minute < 24 * 60; ++minute) {
    ImVec2 d = burn_in_shift(minute, 1);
    CHECK(std::abs(d.x) <= 2);
    CHECK(std::abs(d.y) <= 2);
    seen.insert({d.x, d.y});
  }
  CHECK(seen.size() >= 3);
  CHECK(burn_in_shift(0, 1).x == burn_in_shift(20, 1).x);  // a cycle of 20 minutes
  CHECK(burn_in_shift(5, 2).x == 2);                       // scaled with the canvas
}

// Issue #16 (7): the brief's floors, in both text sizes: no role under the caption's 28 px,
// body 36 px, the attract loop's titles 72 px; large text raises, never lowers, a role.
TEST_CASE("theme: every type role, in normal and large text, is at or above its floor and the brief's") {
  std::set<int> roles;
  for (const auto& t : kTypeScale) {
    INFO(t.name);
    roles.insert(static_cast<int>(t.role));
    CHECK(std::string(t.reason).size() > 20);  // each size says why
    for (bool large : {false, true}) {
      float size = role_size(t.role, large);
      CHECK(size >= t.floor);
      CHECK(size >= 28);  // the caption's floor is every role's
    }
    CHECK(role_size(t.role, true) >= role_size(t.role, false));
    CHECK(t.floor >= 28);
  }
  CHECK(roles.size() == kiosk::content::kAllRoles.size());
  CHECK(type_role(Role::Caption).floor >= 28);
  CHECK(type_role(Role::Body).floor >= 36);
  CHECK(type_role(Role::Title).floor >= 72);
  CHECK(type_role(Role::Figure).floor >= 220);  // the brief's 220-260 display figure
  // Large text raises body to 48 and caption to 36 (the brief's large-text mode).
  CHECK(role_size(Role::Body, true) >= 48);
  CHECK(role_size(Role::Caption, true) >= 36);
  // A figure's unit is plainly smaller than its digits, and still at a heading's size or more.
  CHECK(role_size(Role::FigureUnit) < 0.5f * role_size(Role::Figure));
  CHECK(role_size(Role::FigureUnit) >= role_size(Role::Heading));
}
