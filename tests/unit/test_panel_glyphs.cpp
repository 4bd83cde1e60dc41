// The operator panel draws texts from outside the bundle (time stamps with their 'Z',
// file names, error lines, key ids, the ✓ of a good signature): every character it may draw must
// be in the baked atlas of each role it draws with, or it shows as '?'.

#include <doctest/doctest.h>

#include <string>

#include "kiosk/content/bundle.h"
#include "kiosk/text/utf8.h"
#include "kiosk/ui/kiosk_screen.h"
#include "kiosk/ui/operator_view.h"

using kiosk::ui::Role;

namespace {

struct Baked {
  kiosk::content::Bundle bundle = kiosk::content::Bundle::open(KIOSK_TINY_BUNDLE);
  ImFontAtlas atlas;
  kiosk::ui::Fonts fonts;
  Baked() {
    std::string error;
    REQUIRE(fonts.build(atlas, *bundle.font("regular"), *bundle.font("bold"), kiosk::ui::screen_glyph_needs(bundle), 1,
                        false, error));
  }
  // The characters of `text` that `role` has no glyph for.
  std::u32string missing(Role role, const std::string& text) const {
    std::u32string out;
    for (char32_t c : kiosk::text::decode(text))
      if (!fonts.get(role)->FindGlyphNoFallback(static_cast<ImWchar>(c))) out += c;
    return out;
  }
};

std::string ui_string(const kiosk::content::Bundle& bundle, const std::string& key, bool zh) {
  for (const auto& s : bundle.ui_strings())
    if (s.key == key) return zh ? s.text.zh : s.text.en;
  return "";
}

}  // namespace

TEST_CASE("panel glyphs: what the operator panel draws is baked for every role it draws with") {
  Baked baked;
  const std::string drawn[] = {
      std::string(kiosk::ui::kOperatorPanelCharacters),
      "2026-12-02T01:35:24Z install ok tiny-test-v1-67e56ade.bundle version 1 signed",
      "0d 3h 12m",
      "93 MB",
      "play statistics: database is locked",
      // Key ids are hex as minisign prints them; a key file's path is the operator's.
      ui_string(baked.bundle, "signed_by_key", true) + "  (170358D2185FCAA0, security.trusted_keys)",
      ui_string(baked.bundle, "signed_by_key", false) + "  (ABCDEF0123456789, /etc/kiosk/hall.pub)",
      ui_string(baked.bundle, "signed_by_untrusted_key", true) + "  (170358D2185FCAA0)",
      ui_string(baked.bundle, "signature_unsigned", true),
      ui_string(baked.bundle, "signature_unreadable", true),
      ui_string(baked.bundle, "install_history", true),
      ui_string(baked.bundle, "install_history", false),
      "2  2026-12-02T01:35:24Z stick.bundle: not signed by a trusted key",
      ui_string(baked.bundle, "frames", true),
  };
  CHECK(ui_string(baked.bundle, "signed_by_key", false).find("✓") != std::string::npos);
  CHECK(ui_string(baked.bundle, "install_history", false).find("UTC") != std::string::npos);
  for (Role role : kiosk::ui::kOperatorPanelRoles)
    for (const auto& text : drawn) {
      INFO("role " << static_cast<int>(role) << ": " << text);
      CHECK(baked.missing(role, text).empty());
    }
}

TEST_CASE("panel glyphs: the check does see a character that was not baked") {
  Baked baked;
  CHECK(baked.missing(Role::Caption, "☃") == U"☃");
}
