#include "kiosk/ui/figure_group.h"

#include <algorithm>

#include "kiosk/ui/figure_display.h"
#include "kiosk/ui/theme.h"

namespace kiosk::ui {
namespace {

constexpr float kMinColumn = 340;  // reference px: a column narrower would wrap an English unit under its digits

}  // namespace

float figure_group(const ViewContext& ctx, const std::vector<content::Figure>& figures, ImVec2 at, float width,
                   bool draw) {
  if (figures.empty()) return 0;
  const float gap = ctx.px(48), row_gap = ctx.px(36);
  const int columns = width >= 2 * ctx.px(kMinColumn) + gap ? 2 : 1;
  const float column_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  // The same look as the lead figure, a size down: digits in the title face, the words
  // around them in the caption face, which stays on the digits' baseline.
  const FigureLook look{Role::Title, Role::Caption, colour::gold, 1, 1};
  const auto label = ctx.style(Role::Caption, colour::muted, 1.4f);
  // A rule above the group sets it apart from the lead figure.
  if (draw)
    ctx.list()->AddRectFilled(at, ImVec2(at.x + width, at.y + ctx.px(2)), colour::with_alpha(colour::gold, 0.35f));
  float y = at.y + ctx.px(2) + row_gap;
  for (size_t row = 0; row < figures.size(); row += static_cast<size_t>(columns)) {
    float row_h = 0;
    for (size_t i = row; i < std::min(figures.size(), row + static_cast<size_t>(columns)); ++i) {
      const auto& f = figures[i];
      const std::string& display = ctx.lang == text::Lang::Zh ? f.display_zh : f.display_en;
      const std::string& words = text::pick(f.label, ctx.lang);
      ImVec2 cell(at.x + static_cast<float>(i - row) * (column_w + gap), y);
      float h = draw ? draw_figure_display(ctx.list(), ctx.fonts(), display, cell, column_w, ctx.px(8), look)
                     : measure_figure_display(ctx.fonts(), display, column_w, ctx.px(8), look);
      h += ctx.px(10);
      h += draw ? draw_text_block(ctx.list(), label, words, ImVec2(cell.x, cell.y + h), column_w)
                : measure_text_block(label, words, column_w);
      row_h = std::max(row_h, h);
    }
    y += row_h + row_gap;
  }
  return y - row_gap - at.y;
}

}  // namespace kiosk::ui
