// The district map scene: the project's schematic drawing with every landmark numbered at
// its coordinates (projected by the controller's map_places; markers a street apart are
// spread clear of each other with a leader line to their place), its key, a list that
// names them in the visitor's language, 'you are here' at the configured site, and the
// drawing's source as reference data. A number on the map and its line in the list both
// open the landmark.

#include <algorithm>
#include <cmath>

#include "kiosk/content/district.h"
#include "kiosk/controller/marker_spread.h"
#include "kiosk/text/lang.h"
#include "kiosk/ui/image_view.h"
#include "kiosk/ui/layout_log.h"
#include "kiosk/ui/map_legend.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {

constexpr float kMarkerRadius = 21, kMarkerGap = 6;
constexpr double kKmPerDegreeLatitude = 111.32;

// A numbered marker: a gold disc with a dark rim, so it reads on the river and the streets.
void draw_marker(const ViewContext& ctx, ImVec2 at, int number, bool pressed) {
  float r = ctx.px(pressed ? kMarkerRadius - 2 : kMarkerRadius);
  ctx.list()->AddCircleFilled(at, r + ctx.px(4), colour::bg, 32);
  ctx.list()->AddCircleFilled(at, r, colour::gold, 32);
  auto label = ctx.style(Role::Label, colour::bg, 1.0f);
  std::string text = std::to_string(number);
  float w = text_width(label, text);
  draw_text_block(ctx.list(), label, text, ImVec2(at.x - w / 2, at.y - label.size * 0.5f), w + ctx.px(4), 1);
}

bool overlaps(const Rect& a, const Rect& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

// 'You are here': a ring at the site and a label on the side of it that covers no marker
// and stays on the map (right, left, above, below; the first that does).
void draw_site(const ViewContext& ctx, ImVec2 at, const Rect& map, const std::vector<ImVec2>& markers) {
  ctx.list()->AddCircle(at, ctx.px(30), colour::haitang, 48, ctx.px(5));
  ctx.list()->AddCircleFilled(at, ctx.px(11), colour::haitang, 32);
  auto label = ctx.style(Role::Caption, colour::bg, 1.2f);
  std::string text = ctx.ui(content::UiKey::you_are_here);
  float w = text_width(label, text) + ctx.px(24), h = label.size * 1.3f, off = ctx.px(42);
  const ImVec2 corners[] = {ImVec2(at.x + off, at.y - h / 2), ImVec2(at.x - off - w, at.y - h / 2),
                            ImVec2(at.x - w / 2, at.y - off - h), ImVec2(at.x - w / 2, at.y + off)};
  float r = ctx.px(kMarkerRadius + 4);
  Rect box{corners[0], ImVec2(corners[0].x + w, corners[0].y + h)};
  for (const auto& c : corners) {
    Rect b{c, ImVec2(c.x + w, c.y + h)};
    bool on_map = b.min.x >= map.min.x && b.max.x <= map.max.x && b.min.y >= map.min.y && b.max.y <= map.max.y;
    bool clear = std::none_of(markers.begin(), markers.end(), [&](ImVec2 m) {
      return overlaps(b, {ImVec2(m.x - r, m.y - r), ImVec2(m.x + r, m.y + r)});
    });
    if (on_map && clear) {
      box = b;
      break;
    }
  }
  ctx.list()->AddRectFilled(box.min, box.max, colour::haitang, h / 2);
  draw_text_block(ctx.list(), label, text, ImVec2(box.min.x + ctx.px(12), box.min.y + (h - label.size * 1.2f) / 2), w,
                  1);
}

// The list's rows, measured: a name wraps whole beside its number.
struct ListLayout {
  int columns = 1;
  std::vector<float> row_h;  // by place
  float height = 0;          // the tallest column
};

ListLayout lay_out_list(const ViewContext& ctx, const std::vector<controller::MapPlace>& places, float width,
                        int columns) {
  ListLayout l;
  l.columns = columns;
  auto name = ctx.style(Role::Label, colour::text, 1.25f);
  float col_w = (width - ctx.px(32) * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  size_t rows = (places.size() + static_cast<size_t>(columns) - 1) / static_cast<size_t>(columns);
  std::vector<float> column_h(static_cast<size_t>(columns), 0);
  for (size_t i = 0; i < places.size(); ++i) {
    float h =
        std::max(ctx.px(56), measure_text_block(name, text::pick(places[i].title, ctx.lang), col_w - ctx.px(72))) +
        ctx.px(14);
    l.row_h.push_back(h);
    column_h[i / std::max<size_t>(rows, 1)] += h;
  }
  l.height = *std::max_element(column_h.begin(), column_h.end());
  return l;
}

}  // namespace

void draw_map(const ViewContext& ctx, const std::optional<controller::Site>& site, const std::string& focus) {
  using content::UiKey;
  const auto& c = ctx.canvas();
  draw_top_bar(ctx, true, true);
  const auto& map = ctx.content.district_map();
  if (!map) return;
  float m = c.margin();
  float top = top_bar_bottom(c) + ctx.px(24);
  auto title = ctx.style(Role::Title, colour::text, 1.2f);
  top += draw_text_block(ctx.list(), title, ctx.ui(UiKey::map_title), ImVec2(m, top), c.width - 2 * m) + ctx.px(16);
  auto small = ctx.style(Role::Caption, colour::muted, 1.3f);
  const char* colon = ctx.lang == text::Lang::Zh ? "：" : ": ";
  std::string source = ctx.ui(UiKey::reference_label) + colon + text::pick(map->source, ctx.lang);
  float source_h = measure_text_block(small, source, c.width - 2 * m);
  float bottom = c.height - ctx.px(56) - source_h - ctx.px(16);

  const auto& places = ctx.content.map_places();
  float aspect = static_cast<float>(content::map_frame_aspect(*map));
  // Landscape: the map at the left as tall as the room, the list at its right in as few
  // columns as stand whole; portrait: the list under the map, in two columns, the map as
  // large as the list leaves room for.
  ListLayout list;
  controller::HitRect drawn;
  float list_x0 = m, list_y0 = top, list_w = c.width - 2 * m;
  if (c.portrait) {
    list = lay_out_list(ctx, places, list_w, 2);
    float legend_h = measure_map_legend(ctx, {1, true, 2}, list_w).y + ctx.px(16);
    controller::HitRect area{m, top, c.width - m,
                             std::max(top + ctx.px(400), bottom - list.height - legend_h - ctx.px(32))};
    drawn = controller::fit_map(area, aspect);
    list_y0 = drawn.y1 + ctx.px(32);
  } else {
    float map_h = bottom - top, map_w = map_h * aspect;
    drawn = {m, top, m + map_w, bottom};
    list_x0 = drawn.x1 + ctx.px(64);
    list_w = c.width - m - list_x0;
    float legend_h = measure_map_legend(ctx, {1, true, 1}, std::min(list_w, ctx.px(640))).y + ctx.px(24);
    for (int columns = 1; columns <= 3; ++columns) {
      list = lay_out_list(ctx, places, list_w, columns);
      if (list.height <= bottom - top - legend_h) break;
    }
  }
  Rect picture{ImVec2(drawn.x0, drawn.y0), ImVec2(drawn.x1, drawn.y1)};
  draw_picture(ctx.list(), ctx.images, map->image_id, picture, ctx.px(20), c.scale);
  // The drawing and its markers are the map's own furniture: the list keeps clear of them.
  log_furniture(picture, "district map");

  // The list: number and name, each a control that opens the landmark.
  auto name = ctx.style(Role::Label, colour::text, 1.25f);
  float col_w = (list_w - ctx.px(32) * static_cast<float>(list.columns - 1)) / static_cast<float>(list.columns);
  size_t rows = (places.size() + static_cast<size_t>(list.columns) - 1) / static_cast<size_t>(list.columns);
  float y = list_y0;
  for (size_t i = 0; i < places.size(); ++i) {
    size_t col = i / std::max<size_t>(rows, 1);
    if (i % std::max<size_t>(rows, 1) == 0) y = list_y0;
    float x = list_x0 + static_cast<float>(col) * (col_w + ctx.px(32));
    Rect r{ImVec2(x, y), ImVec2(x + col_w, y + list.row_h[i] - ctx.px(10))};
    bool pressed = ctx.w.pressed(r);
    if (pressed || places[i].item_id == focus)
      ctx.list()->AddRectFilled(r.min, r.max, pressed ? colour::surface_pressed : colour::surface, ctx.px(16));
    if (places[i].item_id == focus) ctx.list()->AddRect(r.min, r.max, colour::gold, ctx.px(16), 0, ctx.px(2.5f));
    float text_h = list.row_h[i] - ctx.px(14);
    draw_marker(ctx, ImVec2(x + ctx.px(30), y + std::min(text_h, ctx.px(56)) / 2 + ctx.px(2)), static_cast<int>(i + 1),
                pressed);
    float line = name.size * name.line_spacing;
    draw_text_block(ctx.list(), name, text::pick(places[i].title, ctx.lang),
                    ImVec2(x + ctx.px(72), y + std::max(0.0f, (ctx.px(56) - line) / 2)), col_w - ctx.px(72));
    ctx.w.hit(r, controller::OpenItem{places[i].item_id});
    y += list.row_h[i];
  }

  // The key: under the list, at the foot of its column (landscape) or across the screen.
  MapLegendSpec legend{static_cast<float>((drawn.y1 - drawn.y0) / ((map->north - map->south) * kKmPerDegreeLatitude)),
                       controller::site_on_map(*map, site).has_value(), c.portrait ? 2 : 1};
  float legend_w = c.portrait ? list_w : std::min(list_w, ctx.px(640));
  ImVec2 legend_size = measure_map_legend(ctx, legend, legend_w);
  ImVec2 legend_at(list_x0, c.portrait ? list_y0 + list.height + ctx.px(16) : bottom - legend_size.y);

  // The markers, spread clear of each other above the key, each with a leader line to its
  // place where it had to move; drawn last so they lie over the drawing.
  std::vector<controller::Point> at;
  for (const auto& p : places) at.push_back(controller::on_screen(p.at, drawn));
  auto spread = controller::spread_markers(at, ctx.px(kMarkerRadius + 4), ctx.px(kMarkerGap), drawn);
  std::vector<ImVec2> centres;
  for (size_t i = 0; i < places.size(); ++i) {
    ImVec2 place(at[i].x, at[i].y), centre(spread[i].x, spread[i].y);
    float dx = centre.x - place.x, dy = centre.y - place.y, d = std::hypot(dx, dy);
    if (d > ctx.px(6)) {
      float r = ctx.px(kMarkerRadius + 4);
      ImVec2 edge(centre.x - dx / d * r, centre.y - dy / d * r);
      if (d > r) ctx.list()->AddLine(place, edge, colour::with_alpha(colour::gold, 0.85f), ctx.px(2.5f));
      ctx.list()->AddCircleFilled(place, ctx.px(6), colour::bg, 16);
      ctx.list()->AddCircleFilled(place, ctx.px(4), colour::gold, 16);
    }
    centres.push_back(centre);
  }
  // The landmark the visitor came from is drawn last, over its neighbours, in a ring.
  std::vector<size_t> order;
  for (size_t i = 0; i < places.size(); ++i)
    if (places[i].item_id != focus) order.push_back(i);
  for (size_t i = 0; i < places.size(); ++i)
    if (places[i].item_id == focus) order.push_back(i);
  for (size_t i : order) {
    const ImVec2& p = centres[i];
    Rect r{ImVec2(p.x - ctx.px(kMarkerRadius + 4), p.y - ctx.px(kMarkerRadius + 4)),
           ImVec2(p.x + ctx.px(kMarkerRadius + 4), p.y + ctx.px(kMarkerRadius + 4))};
    if (places[i].item_id == focus) {
      ctx.list()->AddCircleFilled(p, ctx.px(kMarkerRadius + 14), colour::with_alpha(colour::bg, 0.8f), 40);
      ctx.list()->AddCircle(p, ctx.px(kMarkerRadius + 12), colour::gold, 40, ctx.px(4));
    }
    draw_marker(ctx, p, static_cast<int>(i + 1), ctx.w.pressed(r));
    ctx.w.hit(r, controller::OpenItem{places[i].item_id});
  }
  if (auto here = controller::site_on_map(*map, site)) {
    auto p = controller::on_screen(*here, drawn);
    draw_site(ctx, ImVec2(p.x, p.y), picture, centres);
  }
  draw_map_legend(ctx, legend, legend_at, legend_w);
  draw_text_block(ctx.list(), small, source, ImVec2(m, c.height - ctx.px(40) - source_h), c.width - 2 * m);
}

}  // namespace kiosk::ui
