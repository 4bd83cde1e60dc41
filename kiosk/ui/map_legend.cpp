#include "kiosk/ui/map_legend.h"

#include <algorithm>
#include <vector>

namespace kiosk::ui {
namespace {

enum class Key { Landmark, Site, River, Boundary };

struct Lines {
  std::vector<std::pair<Key, content::UiKey>> rows;
};

Lines rows_of(const MapLegendSpec& spec) {
  using content::UiKey;
  Lines l;
  l.rows.push_back({Key::Landmark, UiKey::map_legend_landmark});
  if (spec.site) l.rows.push_back({Key::Site, UiKey::you_are_here});
  l.rows.push_back({Key::River, UiKey::map_legend_river});
  l.rows.push_back({Key::Boundary, UiKey::map_legend_boundary});
  return l;
}

constexpr float kPad = 20, kSwatch = 44, kSwatchGap = 16;

void draw_swatch(const ViewContext& ctx, Key key, ImVec2 centre) {
  auto* list = ctx.list();
  float s = ctx.px(kSwatch);
  switch (key) {
    case Key::Landmark: list->AddCircleFilled(centre, ctx.px(15), colour::gold, 24); break;
    case Key::Site:
      list->AddCircle(centre, ctx.px(17), colour::haitang, 32, ctx.px(4));
      list->AddCircleFilled(centre, ctx.px(7), colour::haitang, 16);
      break;
    case Key::River:
      // As the drawing has it: water between teal banks.
      list->AddRectFilled(ImVec2(centre.x - s / 2, centre.y - ctx.px(11)),
                          ImVec2(centre.x + s / 2, centre.y + ctx.px(11)), colour::with_alpha(colour::teal, 0.75f),
                          ctx.px(5));
      list->AddRectFilled(ImVec2(centre.x - s / 2, centre.y - ctx.px(8)),
                          ImVec2(centre.x + s / 2, centre.y + ctx.px(8)), colour::rgb(0x2A6F8A), ctx.px(4));
      break;
    case Key::Boundary:
      for (int i = 0; i < 3; ++i) {
        float x0 = centre.x - s / 2 + static_cast<float>(i) * s / 3;
        list->AddLine(ImVec2(x0, centre.y), ImVec2(x0 + s / 3 - ctx.px(5), centre.y), colour::brick, ctx.px(4));
      }
      break;
  }
}

}  // namespace

namespace {

// The keys' rows, `columns` to a row: each row as tall as its tallest key.
struct Grid {
  float col_w = 0, text_w = 0;
  std::vector<float> row_h;
  float widest = 0;  // of the labels, for a one-column panel as narrow as they let it be
};

Grid grid_of(const ViewContext& ctx, const MapLegendSpec& spec, float width) {
  auto text = ctx.style(Role::Caption, colour::text, 1.3f);
  Grid g;
  int columns = std::max(1, spec.columns);
  g.col_w = (width - 2 * ctx.px(kPad)) / static_cast<float>(columns);
  g.text_w = g.col_w - ctx.px(kSwatch + kSwatchGap) - (columns > 1 ? ctx.px(kPad) : 0);
  auto rows = rows_of(spec).rows;
  for (size_t i = 0; i < rows.size(); ++i) {
    std::string label = ctx.ui(rows[i].second);
    float h = std::max(ctx.px(kSwatch), measure_text_block(text, label, g.text_w));
    size_t row = i / static_cast<size_t>(columns);
    if (row >= g.row_h.size()) g.row_h.push_back(0);
    g.row_h[row] = std::max(g.row_h[row], h);
    g.widest = std::max(g.widest, std::min(g.text_w, text_width(text, label)));
  }
  return g;
}

}  // namespace

ImVec2 measure_map_legend(const ViewContext& ctx, const MapLegendSpec& spec, float width) {
  Grid g = grid_of(ctx, spec, width);
  float h = ctx.px(kPad);
  for (float r : g.row_h) h += r + ctx.px(6);
  // The north arrow and the scale bar share the last row.
  h += ctx.px(72) + ctx.px(kPad);
  if (spec.columns > 1) return ImVec2(width, h);
  // Wide enough for the whole kilometre: a scale bar cut short would misstate the scale.
  float w = std::max(g.widest, spec.px_per_km) + ctx.px(kSwatch + kSwatchGap) + 2 * ctx.px(kPad);
  return ImVec2(std::min(width, w), h);
}

void draw_map_legend(const ViewContext& ctx, const MapLegendSpec& spec, ImVec2 at, float width) {
  using content::UiKey;
  ImVec2 size = measure_map_legend(ctx, spec, width);
  Grid g = grid_of(ctx, spec, width);
  auto* list = ctx.list();
  list->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), colour::with_alpha(colour::bg, 0.92f), ctx.px(16));
  list->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), colour::with_alpha(colour::muted, 0.35f), ctx.px(16), 0,
                ctx.px(1.5f));
  auto text = ctx.style(Role::Caption, colour::text, 1.3f);
  float pad = ctx.px(kPad), swatch = ctx.px(kSwatch);
  float x = at.x + pad, text_x = x + swatch + ctx.px(kSwatchGap);
  float y = at.y + pad;
  auto rows = rows_of(spec).rows;
  int columns = std::max(1, spec.columns);
  for (size_t i = 0; i < rows.size(); ++i) {
    size_t row = i / static_cast<size_t>(columns), col = i % static_cast<size_t>(columns);
    float cx = x + static_cast<float>(col) * g.col_w;
    std::string label = ctx.ui(rows[i].second);
    draw_swatch(ctx, rows[i].first, ImVec2(cx + swatch / 2, y + swatch / 2));
    float line = text.size * text.line_spacing;
    draw_text_block(list, text, label,
                    ImVec2(cx + swatch + ctx.px(kSwatchGap), y + std::max(0.0f, (swatch - line) / 2)), g.text_w);
    if (col + 1 == static_cast<size_t>(columns) || i + 1 == rows.size()) y += g.row_h[row] + ctx.px(6);
  }

  // North: an arrow pointing up the map, its letter under it.
  ImVec2 n(x + swatch / 2, y + ctx.px(20));
  float a = ctx.px(18);
  list->AddTriangleFilled(ImVec2(n.x, n.y - a), ImVec2(n.x + a * 0.6f, n.y + a * 0.8f), ImVec2(n.x, n.y + a * 0.35f),
                          colour::text);
  list->AddTriangleFilled(ImVec2(n.x, n.y - a), ImVec2(n.x, n.y + a * 0.35f), ImVec2(n.x - a * 0.6f, n.y + a * 0.8f),
                          colour::muted);
  auto small = ctx.style(Role::Caption, colour::text, 1.0f);
  std::string north = ctx.ui(UiKey::map_north);
  float nw = text_width(small, north);
  draw_text_block(list, small, north, ImVec2(n.x - nw / 2, n.y + a * 0.9f), nw + ctx.px(4), 1);

  // One kilometre at the map's scale, with ticks at its ends and middle.
  if (spec.px_per_km > 0) {
    float bx = text_x, by = y + ctx.px(20), bw = std::min(spec.px_per_km, at.x + size.x - pad - bx);
    list->AddRectFilled(ImVec2(bx, by - ctx.px(3)), ImVec2(bx + bw, by + ctx.px(3)), colour::text);
    for (float t : {0.0f, 0.5f, 1.0f})
      list->AddRectFilled(ImVec2(bx + bw * t - ctx.px(1.5f), by - ctx.px(10)),
                          ImVec2(bx + bw * t + ctx.px(1.5f), by + ctx.px(3)), colour::text);
    std::string km = ctx.ui(UiKey::map_scale);
    draw_text_block(list, small, km, ImVec2(bx, by + ctx.px(12)), at.x + size.x - pad - bx, 1);
  }
}

}  // namespace kiosk::ui
