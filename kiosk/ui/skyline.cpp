#include "kiosk/ui/skyline.h"

#include <cmath>
#include <vector>

namespace kiosk::ui {
namespace {

// The outline, left to right, as (x, height) in a 100 x 14 box: x along the street,
// height above the ground. Proportions from the landmark illustrations (db/content/images).
// clang-format off
constexpr float kOutline[][2] = {
    {0, 0}, {3, 0},
    // a Wudadao villa: two storeys, a pitched roof and a chimney
    {3, 4}, {5.5f, 6.5f}, {6.5f, 5.6f}, {6.5f, 6.8f}, {7.2f, 6.8f}, {7.2f, 5.0f}, {8, 4}, {8, 0},
    // a lower villa with a gable
    {9, 0}, {9, 3}, {11, 5}, {13, 3}, {13, 0},
    // a Jiefang North Road bank: columns under a pediment, a dome and its lantern
    {15, 0}, {15, 5.5f}, {16, 6.2f}, {19, 6.2f}, {19, 7}, {20, 8.4f}, {21.2f, 8.9f}, {21.2f, 9.8f},
    {21.8f, 9.8f}, {21.8f, 8.9f}, {23, 8.4f}, {24, 7}, {24, 6.2f}, {27, 6.2f}, {28, 5.5f}, {28, 0},
    // an office block of the central business street
    {30, 0}, {30, 7.5f}, {34, 7.5f}, {34, 0},
    // villas again, between the bank and the park
    {36, 0}, {36, 3.5f}, {38.5f, 5.5f}, {41, 3.5f}, {41, 0},
    // the clock tower of Wudadao Park: its shaft, the clock stage, a pyramid roof and finial
    {44, 0}, {44, 8}, {43.4f, 8}, {43.4f, 10.6f}, {44.7f, 12.3f}, {45.5f, 14}, {46.3f, 12.3f}, {47.6f, 10.6f},
    {47.6f, 8}, {47, 8}, {47, 0},
    // the park's low pavilion
    {50, 0}, {50, 2.6f}, {53, 3.8f}, {56, 2.6f}, {56, 0},
    // the Minyuan Square arcades (the arches are added below)
    {58, 0}, {58, 4.5f}, {70, 4.5f}, {70, 0},
    // a tall riverside tower
    {72, 0}, {72, 10}, {73.5f, 11}, {75, 10}, {75, 0},
    {100, 0},
};
// clang-format on
constexpr float kBoxW = 100, kBoxH = 14;

}  // namespace

void draw_skyline(ImDrawList* list, const Rect& box, uint32_t colour, uint32_t accent, float thickness) {
  float sx = box.width() / kBoxW, sy = box.height() / kBoxH;
  auto at = [&](float x, float h) { return ImVec2(box.min.x + x * sx, box.max.y - h * sy); };
  list->PathClear();
  for (const auto& p : kOutline) list->PathLineTo(at(p[0], p[1]));
  list->PathStroke(colour, ImDrawFlags_None, thickness);

  // The arcades' arches, three of them under the square's cornice.
  for (int i = 0; i < 3; ++i) {
    float x0 = 59.2f + static_cast<float>(i) * 3.7f, x1 = x0 + 2.6f;
    ImVec2 centre = at((x0 + x1) / 2, 2.4f);
    float r = (x1 - x0) / 2 * sx;
    list->PathClear();
    list->PathLineTo(at(x0, 0));
    list->PathArcTo(centre, r, 3.14159f, 2 * 3.14159f, 12);
    list->PathLineTo(at(x1, 0));
    list->PathStroke(colour, ImDrawFlags_None, thickness * 0.8f);
  }
  // The clock's face on the tower.
  list->AddCircle(at(45.5f, 9.3f), 1.0f * sy, colour, 16, thickness * 0.8f);
  list->AddCircleFilled(at(45.5f, 9.3f), 0.35f * sy, accent, 12);

  // A Haihe bridge: a low arch over the water, its deck and hangers.
  float b0 = 80, b1 = 98;
  list->PathClear();
  for (int i = 0; i <= 16; ++i) {
    float t = static_cast<float>(i) / 16;
    list->PathLineTo(at(b0 + (b1 - b0) * t, 1.6f + 4.4f * std::sin(3.14159f * t)));
  }
  list->PathStroke(colour, ImDrawFlags_None, thickness);
  list->AddLine(at(b0 - 2, 1.6f), at(b1 + 2, 1.6f), colour, thickness);
  for (int i = 1; i < 6; ++i) {
    float t = static_cast<float>(i) / 6, x = b0 + (b1 - b0) * t;
    list->AddLine(at(x, 1.6f), at(x, 1.6f + 4.4f * std::sin(3.14159f * t)), colour, thickness * 0.5f);
  }
}

}  // namespace kiosk::ui
