// The district map scene: the project's schematic drawing with every landmark numbered at
// its coordinates (projected by the controller's map_places), a list that names them in
// the visitor's language, 'you are here' at the configured site, and the drawing's source
// as reference data. A number on the map and its line in the list both open the landmark.

#include <algorithm>
#include <cstdio>

#include "kiosk/content/district.h"
#include "kiosk/text/lang.h"
#include "kiosk/ui/image_view.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {

// A numbered marker: a gold disc with a dark rim, so it reads on the river and the streets.
void draw_marker(const ViewContext& ctx, ImVec2 at, int number, bool pressed) {
  float r = ctx.px(pressed ? 19 : 21);
  ctx.list()->AddCircleFilled(at, r + ctx.px(4), colour::bg, 32);
  ctx.list()->AddCircleFilled(at, r, colour::gold, 32);
  auto label = ctx.style(Role::Label, colour::bg, 1.0f);
  std::string text = std::to_string(number);
  float w = text_width(label, text);
  draw_text_block(ctx.list(), label, text, ImVec2(at.x - w / 2, at.y - label.size * 0.5f), w + ctx.px(4), 1);
}

void draw_site(const ViewContext& ctx, ImVec2 at, float map_right) {
  ctx.list()->AddCircle(at, ctx.px(34), colour::haitang, 48, ctx.px(5));
  ctx.list()->AddCircleFilled(at, ctx.px(13), colour::haitang, 32);
  auto label = ctx.style(Role::Caption, colour::text, 1.2f);
  std::string text = ctx.ui(content::UiKey::you_are_here);
  float w = text_width(label, text) + ctx.px(24), h = label.size * 1.3f;
  // The label sits right of the marker, or left of it near the map's right edge.
  float x = at.x + ctx.px(46);
  if (x + w > map_right) x = at.x - ctx.px(46) - w;
  Rect box{ImVec2(x, at.y - h / 2), ImVec2(x + w, at.y + h / 2)};
  ctx.list()->AddRectFilled(box.min, box.max, colour::haitang, h / 2);
  draw_text_block(ctx.list(), ctx.style(Role::Caption, colour::bg, 1.2f), text,
                  ImVec2(x + ctx.px(12), at.y - label.size * 0.5f), w, 1);
}

}  // namespace

void draw_map(const ViewContext& ctx, const std::optional<controller::Site>& site) {
  using content::UiKey;
  const auto& c = ctx.canvas();
  draw_top_bar(ctx, true, true);
  const auto& map = ctx.content.district_map();
  if (!map) return;
  float m = c.margin();
  float top = top_bar_bottom(c) + ctx.px(24);
  auto title = ctx.style(Role::Title, colour::text, 1.2f);
  top += draw_text_block(ctx.list(), title, ctx.ui(UiKey::map_title), ImVec2(m, top), c.width - 2 * m, 1) + ctx.px(24);
  auto small = ctx.style(Role::Caption, colour::muted, 1.3f);
  const char* colon = ctx.lang == text::Lang::Zh ? "：" : ": ";
  std::string source = ctx.ui(UiKey::reference_label) + colon + text::pick(map->source, ctx.lang);
  float source_h = measure_text_block(small, source, c.width - 2 * m, 2);
  float bottom = c.height - ctx.px(56) - source_h;

  // Landscape: the map at the left, the list at its right; portrait: the list under it.
  const auto& places = ctx.content.map_places();
  float aspect = static_cast<float>(content::map_frame_aspect(*map));
  auto body = ctx.style(Role::Body, colour::text, 1.3f);
  float row_h = std::max(body.size * 1.3f, ctx.px(64)) + ctx.px(8);
  // As many columns as the list needs to stand whole beside the map (landscape), or two under it.
  int fit_rows = std::max(1, static_cast<int>((bottom - top) / row_h));
  int columns = c.portrait ? 2 : std::max(1, (static_cast<int>(places.size()) + fit_rows - 1) / fit_rows);
  float list_h = row_h * static_cast<float>((places.size() + static_cast<size_t>(columns) - 1) / columns);
  controller::HitRect area =
      c.portrait ? controller::HitRect{m, top, c.width - m, std::max(top + ctx.px(300), bottom - list_h - ctx.px(32))}
                 : controller::HitRect{m, top, c.width * 0.56f, bottom};
  auto drawn = controller::fit_map(area, aspect);
  if (!c.portrait) drawn = controller::HitRect{area.x0, drawn.y0, area.x0 + (drawn.x1 - drawn.x0), drawn.y1};
  Rect picture{ImVec2(drawn.x0, drawn.y0), ImVec2(drawn.x1, drawn.y1)};
  draw_picture(ctx.list(), ctx.images, map->image_id, picture, ctx.px(20), c.scale);

  // The list: number and name, each a control that opens the landmark.
  float list_x0 = c.portrait ? m : drawn.x1 + ctx.px(64);
  float list_y0 = c.portrait ? drawn.y1 + ctx.px(32) : top;
  float col_w = ((c.portrait ? c.width - m : c.width - m) - list_x0 - ctx.px(32) * static_cast<float>(columns - 1)) /
                static_cast<float>(columns);
  size_t rows = (places.size() + static_cast<size_t>(columns) - 1) / static_cast<size_t>(columns);
  for (size_t i = 0; i < places.size(); ++i) {
    size_t col = i / std::max<size_t>(rows, 1), row = i % std::max<size_t>(rows, 1);
    float x = list_x0 + static_cast<float>(col) * (col_w + ctx.px(32));
    float y = list_y0 + static_cast<float>(row) * row_h;
    Rect r{ImVec2(x, y), ImVec2(x + col_w, y + row_h - ctx.px(8))};
    bool pressed = ctx.w.pressed(r);
    if (pressed) ctx.list()->AddRectFilled(r.min, r.max, colour::surface_pressed, ctx.px(16));
    draw_marker(ctx, ImVec2(x + ctx.px(32), (r.min.y + r.max.y) / 2), static_cast<int>(i + 1), pressed);
    draw_text_block(ctx.list(), body, text::pick(places[i].title, ctx.lang),
                    ImVec2(x + ctx.px(72), (r.min.y + r.max.y) / 2 - body.size * 0.65f), col_w - ctx.px(80), 1);
    ctx.w.hit(r, controller::OpenItem{places[i].item_id});
  }

  // The markers, in the list's order, drawn last so they lie over the drawing.
  for (size_t i = 0; i < places.size(); ++i) {
    auto p = controller::on_screen(places[i].at, drawn);
    Rect r{ImVec2(p.x - ctx.px(32), p.y - ctx.px(32)), ImVec2(p.x + ctx.px(32), p.y + ctx.px(32))};
    draw_marker(ctx, ImVec2(p.x, p.y), static_cast<int>(i + 1), ctx.w.pressed(r));
    ctx.w.hit(r, controller::OpenItem{places[i].item_id});
  }
  if (auto at = controller::site_on_map(*map, site)) {
    auto p = controller::on_screen(*at, drawn);
    draw_site(ctx, ImVec2(p.x, p.y), drawn.x1);
  }
  draw_text_block(ctx.list(), small, source, ImVec2(m, c.height - ctx.px(40) - source_h), c.width - 2 * m, 2);
}

}  // namespace kiosk::ui
