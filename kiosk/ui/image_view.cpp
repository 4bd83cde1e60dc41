#include "kiosk/ui/image_view.h"

#include <algorithm>

#include "kiosk/ui/theme.h"

namespace kiosk::ui {

void draw_cover(ImDrawList* list, const ImageTexture& image, const Rect& box, float rounding, float zoom, ImVec2 focus,
                float alpha) {
  float box_aspect = box.width() / box.height();
  float image_aspect = static_cast<float>(image.width) / static_cast<float>(image.height);
  // The visible part of the image in UV space, before zooming.
  float u = 1, v = 1;
  if (image_aspect > box_aspect)
    u = box_aspect / image_aspect;
  else
    v = image_aspect / box_aspect;
  u /= zoom;
  v /= zoom;
  float u0 = std::clamp(focus.x - u * 0.5f, 0.0f, 1.0f - u);
  float v0 = std::clamp(focus.y - v * 0.5f, 0.0f, 1.0f - v);
  list->AddImageRounded(image.id, box.min, box.max, ImVec2(u0, v0), ImVec2(u0 + u, v0 + v),
                        colour::with_alpha(0xFFFFFFFF, alpha), rounding);
}

void draw_placeholder(ImDrawList* list, const Rect& box, float rounding, float scale, float alpha) {
  list->AddRectFilled(box.min, box.max, colour::with_alpha(colour::surface, alpha), rounding);
  ImVec2 c = box.centre();
  float s = std::min(box.width(), box.height()) * 0.18f;
  uint32_t ink = colour::with_alpha(colour::muted, 0.35f * alpha);
  float w = std::max(2.0f, 3 * scale);
  list->AddRect(ImVec2(c.x - s * 1.3f, c.y - s), ImVec2(c.x + s * 1.3f, c.y + s), ink, s * 0.12f, 0, w);
  list->AddCircle(ImVec2(c.x + s * 0.55f, c.y - s * 0.4f), s * 0.22f, ink, 24, w);
  ImVec2 hill[] = {ImVec2(c.x - s * 1.3f, c.y + s * 0.8f), ImVec2(c.x - s * 0.3f, c.y - s * 0.1f),
                   ImVec2(c.x + s * 0.4f, c.y + s * 0.55f), ImVec2(c.x + s * 1.3f, c.y + s * 0.2f)};
  list->AddPolyline(hill, 4, ink, 0, w);
}

void draw_picture(ImDrawList* list, ImageProvider& images, const std::string& image_id, const Rect& box, float rounding,
                  float scale, float zoom, float alpha) {
  if (!image_id.empty()) {
    if (auto texture = images.texture(image_id, ImVec2(box.width() * zoom, box.height() * zoom))) {
      draw_cover(list, *texture, box, rounding, zoom, ImVec2(0.5f, 0.45f), alpha);
      return;
    }
  }
  images.note_placeholder(image_id);
  draw_placeholder(list, box, rounding, scale, alpha);
}

}  // namespace kiosk::ui
