#pragma once
// Turns the images named in images.toml into bundle images: SVG illustrations are drawn
// at the largest size they are shown at (svg_raster.h); photos are checked, and scaled
// down when larger than that.

#include <vector>

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/authoring/sources.h"
#include "kiosk/content/model.h"

namespace kiosk::authoring {

// Landmark slides are full-bleed at the 1920x1080 reference; a 4:3 picture covering
// that is 1920x1440, so nothing needs more pixels than this box.
constexpr int kMaxShownWidth = 1920;
constexpr int kMaxShownHeight = 1440;

std::vector<content::Image> prepare_images(const Sources& sources, Diagnostics& problems);

}  // namespace kiosk::authoring
