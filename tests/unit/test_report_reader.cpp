// The reader's text: the report's own, its ASCII marks in full-width form, and every
// character of it in what the font bake reads at the roles the reader draws with.

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "kiosk/content/bundle.h"
#include "kiosk/content/shown_texts.h"
#include "kiosk/content/source_document.h"
#include "kiosk/text/marks.h"
#include "kiosk/text/utf8.h"
#include "kiosk/ui/kiosk_screen.h"

using kiosk::content::Role;
using kiosk::text::full_width_marks;

TEST_CASE("full-width marks: the ASCII twins become full-width, a figure's separators stay") {
  CHECK(full_width_marks("(一)强产业,壮集群;好!其中:") == "（一）强产业，壮集群；好！其中：");
  CHECK(full_width_marks("1,660余万人次,10:30开放") == "1,660余万人次，10:30开放");
  CHECK(full_width_marks("5.2%. ?") == "5.2%. ?");  // no twin the report asks for: unchanged
  CHECK(full_width_marks(",") == "，");
  CHECK(full_width_marks("") == "");
}

TEST_CASE("shown report: the report's text, marks in full width, nothing else changed") {
  auto bundle = kiosk::content::Bundle::open(KIOSK_TINY_BUNDLE);
  auto document = bundle.source_document();
  REQUIRE(document);
  auto raw = kiosk::content::report_sections(*document);
  auto shown = kiosk::content::shown_report(*document);
  REQUIRE(shown.sections.size() == raw.sections.size());
  REQUIRE(shown.sections.size() >= 3);
  size_t paragraphs = 0;
  for (size_t i = 0; i < raw.sections.size(); ++i) {
    CHECK(shown.sections[i].title == full_width_marks(raw.sections[i].title));
    CHECK(shown.sections[i].kind == raw.sections[i].kind);
    CHECK(shown.sections[i].title_block == raw.sections[i].title_block);
    REQUIRE(shown.sections[i].title_phrases.size() == raw.sections[i].title_phrases.size());
    for (size_t p = 0; p < raw.sections[i].title_phrases.size(); ++p)
      CHECK(shown.sections[i].title_phrases[p] == full_width_marks(raw.sections[i].title_phrases[p]));
    REQUIRE(shown.sections[i].paragraphs.size() == raw.sections[i].paragraphs.size());
    for (size_t p = 0; p < raw.sections[i].paragraphs.size(); ++p) {
      const auto& text = shown.sections[i].paragraphs[p];
      CHECK(text == full_width_marks(raw.sections[i].paragraphs[p]));
      CHECK(text.find(',') == std::string::npos);  // the report has no figure with a comma in it
      CHECK(text.find('(') == std::string::npos);
      ++paragraphs;
    }
  }
  CHECK(paragraphs > 10);
}

TEST_CASE(
    "shown texts: every paragraph of the report in the body face, every section title in the list's and the "
    "heading's") {
  auto bundle = kiosk::content::Bundle::open(KIOSK_TINY_BUNDLE);
  auto shown = kiosk::content::shown_report(*bundle.source_document());
  std::set<std::string> body, heading, caption;
  kiosk::content::for_each_shown_text(bundle, [&](Role role, std::string_view text, const kiosk::content::TextPlace&) {
    if (role == Role::Body) body.emplace(text);
    if (role == Role::Heading) heading.emplace(text);
    if (role == Role::Caption) caption.emplace(text);
  });
  for (const auto& section : shown.sections) {
    if (!section.title.empty()) {
      CHECK(heading.count(section.title));
      CHECK(caption.count(section.title));
    }
    for (const auto& paragraph : section.paragraphs) CHECK(body.count(paragraph));
  }
}

TEST_CASE("reader glyphs: every character of the report is baked at the roles the reader draws, in both text sizes") {
  auto bundle = kiosk::content::Bundle::open(KIOSK_TINY_BUNDLE);
  auto shown = kiosk::content::shown_report(*bundle.source_document());
  for (bool large : {false, true}) {
    ImFontAtlas atlas;
    kiosk::ui::Fonts fonts;
    std::string error;
    REQUIRE(fonts.build(atlas, *bundle.font("regular"), *bundle.font("bold"), kiosk::ui::screen_glyph_needs(bundle), 1,
                        large, error));
    auto missing = [&](Role role, const std::string& text) {
      std::u32string out;
      for (char32_t c : kiosk::text::decode(text))
        if (!fonts.get(role)->FindGlyphNoFallback(static_cast<ImWchar>(c))) out += c;
      return out;
    };
    size_t checked = 0;
    for (const auto& section : shown.sections) {
      CHECK(missing(Role::Heading, section.title).empty());
      CHECK(missing(Role::Caption, section.title).empty());
      for (const auto& paragraph : section.paragraphs) {
        INFO(paragraph);
        CHECK(missing(Role::Body, paragraph).empty());
        checked += paragraph.size();
      }
    }
    CHECK(checked > 3000);
    CHECK(missing(Role::Label, "0123456789 / ").empty());  // the page counter
    CHECK(missing(Role::Body, "☃") == U"☃");               // the check does see what was not baked
  }
}
