#pragma once
// The district map scene without drawing: which landmarks it shows and where, the kiosk's
// own place ("you are here"), and where a point of the map's frame falls on screen. The
// map view draws what these say and reports each marker as an OpenItem control.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/content/district.h"
#include "kiosk/content/model.h"
#include "kiosk/controller/action.h"

namespace kiosk::controller {

// The kiosk's own place, from the configuration (site.lat, site.lon).
struct Site {
  double lat = 0, lon = 0;
};

struct MapPlace {
  std::string item_id;
  content::Bilingual title;
  content::MapPoint at;  // fractions of the map's width and height
};

// Every landmark with coordinates inside the map's frame, in the order given (the
// bundle's: by id), so the same bundle always lays out the same.
std::vector<MapPlace> map_places(const content::DistrictMap& map, const std::vector<content::Item>& items);

// Where "you are here" goes, or nothing for a kiosk without a site or one off the map.
std::optional<content::MapPoint> site_on_map(const content::DistrictMap& map, const std::optional<Site>& site);

// The largest rectangle of the picture's width:height centred in `area`.
HitRect fit_map(HitRect area, float aspect);

// A point of the frame on screen, in the rectangle the map is drawn in.
Point on_screen(content::MapPoint at, HitRect drawn);

}  // namespace kiosk::controller
