#include "kiosk/authoring/map_check.h"

#include <cmath>
#include <cstdio>

#include "kiosk/content/district.h"

namespace kiosk::authoring {

void check_map_picture(const Sources& sources, const std::vector<content::Image>& images, Diagnostics& out) {
  if (!sources.map) return;
  const auto& map = *sources.map;
  auto place = sources.places.find("map image");
  std::string file = place != sources.places.end() ? place->second.file : "map.toml";
  int line = place != sources.places.end() ? place->second.line : 0;
  for (const auto& image : images) {
    if (image.id != map.image_id) continue;
    double want = content::map_frame_aspect(map);
    double have = static_cast<double>(image.width) / image.height;
    if (std::fabs(have / want - 1) > kMapAspectTolerance) {
      char text[256];
      std::snprintf(text, sizeof text,
                    "image: '%s' is %dx%d (width:height %.3f), but the frame north..south, west..east is %.3f on the "
                    "ground: draw the map in the frame's shape, or the landmarks land off their streets",
                    map.image_id.c_str(), image.width, image.height, have, want);
      out.push_back({file, line, text});
    }
    return;
  }
}

}  // namespace kiosk::authoring
