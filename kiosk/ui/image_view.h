#pragma once
// Pictures on screen: a texture filling a box ("cover"), with an optional slow zoom,
// or a neutral placeholder when the picture is missing or still loading.

#include <imgui.h>

#include "kiosk/ui/image_provider.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

// Draws `image` cropped to fill `box`. zoom >= 1 magnifies about `focus` (0..1 in the image).
void draw_cover(ImDrawList* list, const ImageTexture& image, const Rect& box, float rounding = 0, float zoom = 1,
                ImVec2 focus = ImVec2(0.5f, 0.5f), float alpha = 1);

// A calm surface with a simple picture glyph: never garbage, never an empty hole.
void draw_placeholder(ImDrawList* list, const Rect& box, float rounding, float scale, float alpha = 1);

// The texture if there is one, else the placeholder, noted with the provider
// (ImageProvider::note_placeholder) so that a frame says when it stood in for content.
void draw_picture(ImDrawList* list, ImageProvider& images, const std::string& image_id, const Rect& box, float rounding,
                  float scale, float zoom = 1, float alpha = 1);

}  // namespace kiosk::ui
