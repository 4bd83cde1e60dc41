#include "kiosk/ui/figure_display.h"

#include <algorithm>

#include "kiosk/text/figure_text.h"
#include "kiosk/ui/text_painter.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

constexpr float kRise = 0.3f;  // of the digits' size: how far below its place the figure starts

float ascent(const Fonts& fonts, Role role) {
  ImFont* font = fonts.get(role);
  return font->Ascent * (fonts.size(role) / font->FontSize);
}

bool starts_tight(const std::string& s) {
  return !s.empty() && (s[0] == '%' || s[0] == ' ' || s[0] == '.');
}

// A style with the ascent of its font at its size.
struct Face {
  TextStyle style;
  float ascent = 0;
};

Face face(const Fonts& fonts, Role role, uint32_t colour, float line_spacing) {
  return {{fonts.get(role), fonts.size(role), colour, line_spacing}, ascent(fonts, role)};
}

// Where the pieces of a figure go, relative to its origin.
struct Layout {
  float prefix_w = 0, number_w = 0, suffix_x = 0;
  bool one_line = true;
  float width = 0, height = 0;
  float baseline = 0;  // of the last line: the rule goes under the letters, not under the line's empty descent
};

// The baseline of the last line of a text block `height` high.
float last_baseline(const Face& f, float height) {
  return height - f.style.size * f.style.line_spacing + f.ascent;
}

// No numeral at all: one text block.
Layout lay_out_words(const std::string& words, const Face& f, float width) {
  Layout l;
  l.one_line = false;
  l.width = std::min(width, text_width(f.style, words));
  l.height = measure_text_block(f.style, words, width, 2);
  l.baseline = last_baseline(f, l.height);
  return l;
}

Layout lay_out(const text::FigureParts& parts, const Face& big, const Face& unit, float width, float gap) {
  Layout l;
  l.prefix_w = parts.prefix.empty() ? 0 : text_width(unit.style, parts.prefix) + (starts_tight(parts.prefix) ? 0 : gap);
  l.number_w = text_width(big.style, parts.number);
  l.suffix_x = l.prefix_w + l.number_w + (parts.suffix_joins ? 0 : gap);
  float suffix_w = text_width(unit.style, parts.suffix);
  l.one_line = l.suffix_x + suffix_w <= width;
  if (l.one_line) {
    l.width = l.suffix_x + suffix_w;
    l.height = big.style.size;
    l.baseline = big.ascent;
    return l;
  }
  // Too wide for one line (English in portrait): the unit goes under the digits.
  l.width = std::min(width, std::max(l.prefix_w + l.number_w, suffix_w));
  l.height = big.style.size + measure_text_block(unit.style, parts.suffix, width, 2);
  l.baseline = last_baseline(unit, l.height);
  return l;
}

// The qualifier, digits and unit, all on the digits' baseline while they fit on one line.
void draw_pieces(ImDrawList* list, const text::FigureParts& parts, const Layout& l, const Face& big, const Face& unit,
                 ImVec2 at, float width) {
  const TextStyle &b = big.style, &u = unit.style;
  float drop = big.ascent - unit.ascent;
  if (!parts.prefix.empty()) draw_text_line(list, u, ImVec2(at.x, at.y + drop), parts.prefix);
  draw_text_line(list, b, ImVec2(at.x + l.prefix_w, at.y), parts.number);
  if (l.one_line)
    draw_text_line(list, u, ImVec2(at.x + l.suffix_x, at.y + drop), parts.suffix);
  else
    draw_text_block(list, u, parts.suffix, ImVec2(at.x, at.y + b.size), width, 2);
}

}  // namespace

namespace {

Layout measure(const Fonts& fonts, const std::string& display, float width, float gap, const FigureLook& look) {
  auto parts = text::split_figure(display);
  Role words_role = look.digits == Role::Figure ? look.unit : look.digits;
  Face big = parts.number.empty() ? face(fonts, words_role, 0, 1.1f) : face(fonts, look.digits, 0, 1.0f);
  Face unit = face(fonts, look.unit, 0, 1.1f);
  return parts.number.empty() ? lay_out_words(parts.suffix, big, width) : lay_out(parts, big, unit, width, gap);
}

}  // namespace

float measure_figure_display(const Fonts& fonts, const std::string& display, float width, float gap,
                             const FigureLook& look) {
  return measure(fonts, display, width, gap, look).height;
}

float measure_figure_width(const Fonts& fonts, const std::string& display, float width, float gap,
                           const FigureLook& look) {
  return measure(fonts, display, width, gap, look).width;
}

float draw_figure_display(ImDrawList* list, const Fonts& fonts, const std::string& display, ImVec2 origin, float width,
                          float gap, const FigureLook& look) {
  auto parts = text::split_figure(display);
  float reveal = std::clamp(static_cast<float>(look.reveal), 0.0f, 1.0f);
  uint32_t colour = colour::with_alpha(look.colour, look.alpha * reveal);
  // Without any numeral (digits or Chinese) the whole figure is at the unit's size under a
  // display figure, or at the digits' size where they are small anyway (cards, tiles).
  Role words_role = look.digits == Role::Figure ? look.unit : look.digits;
  Face big = parts.number.empty() ? face(fonts, words_role, colour, 1.1f) : face(fonts, look.digits, colour, 1.0f);
  Face unit = face(fonts, look.unit, colour, 1.1f);
  Layout l = parts.number.empty() ? lay_out_words(parts.suffix, big, width) : lay_out(parts, big, unit, width, gap);

  // The whole string in every frame: the reveal moves it up into its own box (clipped, so
  // that it never shows over what lies beneath) and fades it in.
  bool moving = reveal < 1;
  if (moving)
    list->PushClipRect(ImVec2(list->GetClipRectMin().x, origin.y),
                       ImVec2(list->GetClipRectMax().x, origin.y + l.height), true);
  ImVec2 at(origin.x, origin.y + (1 - reveal) * kRise * big.style.size);
  if (parts.number.empty())
    draw_text_block(list, big.style, parts.suffix, at, width, 2);
  else
    draw_pieces(list, parts, l, big, unit, at, width);
  if (moving) list->PopClipRect();

  if (look.rule) {
    float y = origin.y + l.baseline + 2 * gap;
    list->AddRectFilled(ImVec2(origin.x, y), ImVec2(origin.x + reveal * l.width, y + std::max(1.0f, gap / 3)),
                        colour::with_alpha(look.colour, look.alpha));
  }
  return l.height;
}

}  // namespace kiosk::ui
