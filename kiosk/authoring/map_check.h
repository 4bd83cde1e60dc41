#pragma once
// The district map's picture against its frame: the kiosk places landmarks by the frame,
// so a picture of another shape would put them beside the streets the drawing shows.

#include <vector>

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/authoring/sources.h"
#include "kiosk/content/model.h"

namespace kiosk::authoring {

// The largest difference between the picture's width:height and the frame's on the ground,
// as a fraction: 2% is a few pixels at the size the map is shown.
constexpr double kMapAspectTolerance = 0.02;

void check_map_picture(const Sources& sources, const std::vector<content::Image>& images, Diagnostics& out);

}  // namespace kiosk::authoring
