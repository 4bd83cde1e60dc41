#include "kiosk/content/district.h"

#include <cmath>
#include <cstdio>
#include <numbers>

namespace kiosk::content {

MapPoint project(const DistrictMap& map, double lat, double lon) {
  return {(lon - map.west) / (map.east - map.west), (map.north - lat) / (map.north - map.south)};
}

std::string map_frame_problem(const DistrictMap& map) {
  for (double v : {map.north, map.south, map.west, map.east})
    if (!std::isfinite(v)) return "the frame's edges must be numbers";
  if (!(map.north > map.south)) return "north must lie above south";
  if (!(map.east > map.west)) return "east must lie right of west";
  // The frame must show the whole district box and not a province around it.
  if (map.south > kHepingBox.south || map.north < kHepingBox.north || map.west > kHepingBox.west ||
      map.east < kHepingBox.east)
    return "the frame must contain the district (39.09 to 39.14 N, 117.17 to 117.23 E)";
  if (map.north - map.south > 0.5 || map.east - map.west > 0.5)
    return "the frame is more than half a degree across: a map of the district, not of the region";
  return {};
}

double map_frame_aspect(const DistrictMap& map) {
  double middle = (map.north + map.south) / 2 * std::numbers::pi / 180;
  return (map.east - map.west) * std::cos(middle) / (map.north - map.south);
}

std::string coordinates_text(double lat, double lon) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4f° %s, %.4f° %s", std::fabs(lat), lat >= 0 ? "N" : "S", std::fabs(lon),
                lon >= 0 ? "E" : "W");
  return buffer;
}

}  // namespace kiosk::content
