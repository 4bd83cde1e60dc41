#include "kiosk/controller/map_places.h"

namespace kiosk::controller {
namespace {

bool inside(content::MapPoint p) {
  return p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1;
}

}  // namespace

std::vector<MapPlace> map_places(const content::DistrictMap& map, const std::vector<content::Item>& items) {
  std::vector<MapPlace> out;
  for (const auto& item : items) {
    if (item.kind != content::ItemKind::Landmark || !item.landmark || !item.landmark->lat || !item.landmark->lon)
      continue;
    auto at = content::project(map, *item.landmark->lat, *item.landmark->lon);
    if (inside(at)) out.push_back({item.id, item.title, at});
  }
  return out;
}

std::optional<content::MapPoint> site_on_map(const content::DistrictMap& map, const std::optional<Site>& site) {
  if (!site) return std::nullopt;
  auto at = content::project(map, site->lat, site->lon);
  if (!inside(at)) return std::nullopt;
  return at;
}

HitRect fit_map(HitRect area, float aspect) {
  float w = area.x1 - area.x0, h = area.y1 - area.y0;
  if (w <= 0 || h <= 0 || aspect <= 0) return {area.x0, area.y0, area.x0, area.y0};
  float fw = w, fh = w / aspect;
  if (fh > h) {
    fh = h;
    fw = h * aspect;
  }
  float x0 = area.x0 + (w - fw) / 2, y0 = area.y0 + (h - fh) / 2;
  return {x0, y0, x0 + fw, y0 + fh};
}

Point on_screen(content::MapPoint at, HitRect drawn) {
  return {drawn.x0 + static_cast<float>(at.x) * (drawn.x1 - drawn.x0),
          drawn.y0 + static_cast<float>(at.y) * (drawn.y1 - drawn.y0)};
}

}  // namespace kiosk::controller
