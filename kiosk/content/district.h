#pragma once
// Where Heping District lies, for checking the landmarks' coordinates and the map's frame,
// and the projection that places a coordinate on the district map.

#include <optional>
#include <string>

#include "kiosk/content/model.h"

namespace kiosk::content {

// A box around Heping District (degrees, WGS 84), a little larger than the district, so
// that a coordinate outside it is a typing error (a swapped lat/lon, a lost digit), not a
// place in the district.
struct GeoBox {
  double south, north, west, east;
  bool contains(double lat, double lon) const { return lat >= south && lat <= north && lon >= west && lon <= east; }
};
constexpr GeoBox kHepingBox{39.09, 39.14, 117.17, 117.23};

// A point on the map as fractions of its width (x, from the west edge) and height (y, from
// the north edge); inside the picture for 0..1.
struct MapPoint {
  double x = 0, y = 0;
};
MapPoint project(const DistrictMap& map, double lat, double lon);

// Why a map's frame cannot be used (empty when it can): edges in order and around the district.
std::string map_frame_problem(const DistrictMap& map);

// The width:height a picture of the frame must have for the two axes to share one scale
// (a degree of longitude is cos(latitude) of a degree of latitude on the ground).
double map_frame_aspect(const DistrictMap& map);

// A coordinate as text for problems ("39.1120° N, 117.1985° E").
std::string coordinates_text(double lat, double lon);

}  // namespace kiosk::content
