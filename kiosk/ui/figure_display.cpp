#include "kiosk/ui/figure_display.h"

#include "kiosk/text/figure_text.h"
#include "kiosk/ui/text_painter.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

float ascent(const Fonts& fonts, Role role) {
  ImFont* font = fonts.get(role);
  return font->Ascent * (fonts.size(role) / font->FontSize);
}

bool starts_tight(const std::string& s) {
  return !s.empty() && (s[0] == '%' || s[0] == ' ' || s[0] == '.');
}

}  // namespace

float draw_figure_display(ImDrawList* list, const Fonts& fonts, const std::string& display, ImVec2 origin, float width,
                          float gap, const FigureLook& look) {
  auto parts = text::split_figure(display);
  uint32_t colour = colour::with_alpha(look.colour, look.alpha);
  TextStyle big{fonts.get(look.digits), fonts.size(look.digits), colour, 1.0f};
  TextStyle unit{fonts.get(look.unit), fonts.size(look.unit), colour, 1.1f};
  if (parts.number.empty()) {
    // No digits to count (突破七万元, 全市第一): the whole figure, at the unit's size under a
    // display figure, or at the digits' size where they are small anyway (cards, tiles).
    Role role = look.digits == Role::Figure ? look.unit : look.digits;
    TextStyle whole{fonts.get(role), fonts.size(role), colour, 1.1f};
    return draw_text_block(list, whole, parts.suffix, origin, width, 2);
  }
  float drop = ascent(fonts, look.digits) - ascent(fonts, look.unit);  // share the baseline
  std::string shown = text::count_up_number(parts.number, look.progress);
  float prefix_w = parts.prefix.empty() ? 0 : text_width(unit, parts.prefix) + (starts_tight(parts.prefix) ? 0 : gap);
  float number_w = text_width(big, parts.number);  // the final width: the unit never jumps while counting
  float suffix_gap = parts.suffix_joins ? 0 : gap;
  float suffix_w = text_width(unit, parts.suffix);

  float x = origin.x;
  if (!parts.prefix.empty())
    list->AddText(unit.font, unit.size, ImVec2(x, origin.y + drop), colour, parts.prefix.c_str());
  x += prefix_w;
  list->AddText(big.font, big.size, ImVec2(x, origin.y), colour, shown.c_str());
  if (prefix_w + number_w + suffix_gap + suffix_w <= width) {
    list->AddText(unit.font, unit.size, ImVec2(x + number_w + suffix_gap, origin.y + drop), colour,
                  parts.suffix.c_str());
    return big.size;
  }
  // Too wide for one line (English in portrait): the unit goes under the digits.
  return big.size + draw_text_block(list, unit, parts.suffix, ImVec2(origin.x, origin.y + big.size), width, 2);
}

}  // namespace kiosk::ui
