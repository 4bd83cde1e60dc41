#include "kiosk/ui/icons.h"

#include <cmath>

#include "kiosk/content/formats.h"

namespace kiosk::ui {
namespace {

constexpr float kPi = 3.14159265f;

struct Pen {
  ImDrawList* list;
  ImVec2 c;
  float s;  // half the icon's size
  uint32_t colour;
  float w;  // line weight

  ImVec2 at(float x, float y) const { return ImVec2(c.x + x * s, c.y + y * s); }
  void line(float x0, float y0, float x1, float y1) const { list->AddLine(at(x0, y0), at(x1, y1), colour, w); }
  void rect(float x0, float y0, float x1, float y1) const {
    list->AddRect(at(x0, y0), at(x1, y1), colour, s * 0.08f, 0, w);
  }
  void fill(float x0, float y0, float x1, float y1) const {
    list->AddRectFilled(at(x0, y0), at(x1, y1), colour, s * 0.06f);
  }
  void fill_quad(ImVec2 a, ImVec2 b, ImVec2 e, ImVec2 d) const {
    list->AddQuadFilled(at(a.x, a.y), at(b.x, b.y), at(e.x, e.y), at(d.x, d.y), colour);
  }
  void dot(float x, float y) const { list->AddCircleFilled(at(x, y), w * 0.75f, colour, 12); }
  void circle(float x, float y, float r) const { list->AddCircle(at(x, y), r * s, colour, 32, w); }
  void poly(std::initializer_list<ImVec2> points, bool closed) const {
    ImVec2 buf[16];
    int n = 0;
    for (auto p : points) buf[n++] = at(p.x, p.y);
    list->AddPolyline(buf, n, colour, closed ? ImDrawFlags_Closed : 0, w);
  }
};

// Every icon a category may name (content/formats.h); no default, so none goes undrawn.
void draw_category_icon(const Pen& p, content::CategoryIcon icon) {
  switch (icon) {
    case content::CategoryIcon::Chart: {  // a trend rising over two axes: growth, not a skyline
      p.poly({{-0.85f, -0.85f}, {-0.85f, 0.8f}, {0.9f, 0.8f}}, false);
      p.poly({{-0.6f, 0.4f}, {-0.2f, 0.0f}, {0.1f, 0.2f}, {0.65f, -0.45f}}, false);
      p.poly({{0.3f, -0.5f}, {0.72f, -0.53f}, {0.7f, -0.12f}}, false);
      break;
    }
    case content::CategoryIcon::Building: {  // one tower, its windows in a grid
      p.rect(-0.55f, -0.85f, 0.55f, 0.85f);
      for (float y : {-0.55f, -0.15f, 0.25f})
        for (float x : {-0.3f, 0.1f}) p.fill(x, y, x + 0.2f, y + 0.2f);
      p.fill(-0.12f, 0.55f, 0.12f, 0.85f);
      break;
    }
    case content::CategoryIcon::Handshake: {  // two sleeves, and the hands reaching in to clasp
      p.poly({{-0.72f, -0.72f}, {-0.95f, -0.72f}, {-1.0f, 0.2f}}, false);  // the left sleeve's cuff
      p.poly({{0.72f, -0.72f}, {0.95f, -0.72f}, {1.0f, 0.2f}, {0.82f, 0.2f}}, false);
      // The left hand: the back of it along the top, the palm sloping in to the fingertips.
      p.line(-0.95f, -0.62f, -0.15f, -0.62f);
      p.poly({{-1.0f, 0.2f}, {-0.45f, 0.72f}, {-0.25f, 0.62f}}, false);
      // The right hand over it: from its cuff, over the knuckles, the thumb tucked in, and
      // its fingers curled down round the other hand, one tip after another.
      p.poly({{0.82f, -0.62f},
              {0.45f, -0.72f},
              {0.1f, -0.55f},
              {-0.38f, -0.15f},
              {-0.28f, 0.0f},
              {-0.12f, 0.02f},
              {0.2f, -0.28f},
              {0.82f, 0.2f}},
             false);
      p.poly({{0.55f, -0.05f}, {0.62f, 0.28f}, {0.4f, 0.42f}}, false);
      p.poly({{0.35f, 0.12f}, {0.4f, 0.42f}, {0.18f, 0.56f}}, false);
      p.poly({{0.12f, 0.28f}, {0.18f, 0.56f}, {-0.05f, 0.7f}, {-0.25f, 0.62f}}, false);
      break;
    }
    case content::CategoryIcon::Key: {
      p.circle(-0.45f, 0.0f, 0.38f);
      p.line(-0.07f, 0.0f, 0.9f, 0.0f);
      p.line(0.55f, 0.0f, 0.55f, 0.3f);
      p.line(0.8f, 0.0f, 0.8f, 0.3f);
      break;
    }
    case content::CategoryIcon::City: {  // a skyline: a pitched roof, a spire and a block, with windows
      p.line(-0.95f, 0.85f, 0.95f, 0.85f);
      p.poly({{-0.85f, 0.85f}, {-0.85f, 0.05f}, {-0.6f, -0.2f}, {-0.35f, 0.05f}, {-0.35f, 0.85f}}, false);
      p.poly({{-0.2f, 0.85f}, {-0.2f, -0.5f}, {0.0f, -0.95f}, {0.2f, -0.5f}, {0.2f, 0.85f}}, false);
      p.poly({{0.35f, 0.85f}, {0.35f, -0.2f}, {0.85f, -0.2f}, {0.85f, 0.85f}}, false);
      p.dot(-0.6f, 0.35f);
      p.dot(0.0f, -0.2f);
      p.dot(0.0f, 0.2f);
      p.dot(0.6f, 0.1f);
      p.dot(0.6f, 0.45f);
      break;
    }
    case content::CategoryIcon::Heart: {  // two round lobes meeting in a point
      p.list->PathClear();
      p.list->PathLineTo(p.at(0.0f, 0.82f));
      p.list->PathArcTo(p.at(-0.4f, -0.22f), 0.4f * p.s, 0.75f * kPi, 2.0f * kPi, 24);
      p.list->PathArcTo(p.at(0.4f, -0.22f), 0.4f * p.s, kPi, 2.25f * kPi, 24);
      p.list->PathStroke(p.colour, ImDrawFlags_Closed, p.w);
      break;
    }
    case content::CategoryIcon::Shield: {
      p.poly({{0.0f, -0.9f}, {0.75f, -0.6f}, {0.65f, 0.25f}, {0.0f, 0.9f}, {-0.65f, 0.25f}, {-0.75f, -0.6f}}, true);
      p.poly({{-0.3f, 0.0f}, {-0.05f, 0.25f}, {0.35f, -0.25f}}, false);
      break;
    }
    case content::CategoryIcon::Star: {
      p.list->PathClear();
      for (int i = 0; i < 10; ++i) {
        float r = i % 2 ? 0.4f : 0.95f;
        float a = -kPi / 2 + static_cast<float>(i) * kPi / 5;
        p.list->PathLineTo(p.at(r * std::cos(a), r * std::sin(a)));
      }
      p.list->PathStroke(p.colour, ImDrawFlags_Closed, p.w);
      break;
    }
    case content::CategoryIcon::Landmark: {  // a clock tower
      p.rect(-0.3f, -0.35f, 0.3f, 0.85f);
      p.poly({{-0.38f, -0.35f}, {0.0f, -0.95f}, {0.38f, -0.35f}}, true);
      p.circle(0.0f, 0.0f, 0.17f);
      p.line(-0.8f, 0.85f, 0.8f, 0.85f);
      break;
    }
    case content::CategoryIcon::Leaf: {
      p.list->PathClear();
      p.list->PathArcTo(p.at(-0.35f, 0.35f), 1.05f * p.s, -kPi / 2, 0, 24);
      p.list->PathArcTo(p.at(0.35f, -0.35f), 1.05f * p.s, kPi / 2, kPi, 24);
      p.list->PathStroke(p.colour, ImDrawFlags_Closed, p.w);
      p.line(-0.7f, 0.7f, 0.35f, -0.35f);
      break;
    }
    case content::CategoryIcon::Count: break;
  }
}

}  // namespace

void draw_icon(ImDrawList* list, const std::string& name, ImVec2 centre, float size, uint32_t colour) {
  Pen p{list, centre, size * 0.5f, colour, std::max(2.0f, size * 0.075f)};
  auto icon = content::category_icon(name);
  if (icon) {
    draw_category_icon(p, *icon);
  } else if (name == "back" || name == "left") {
    p.poly({{0.25f, -0.6f}, {-0.35f, 0.0f}, {0.25f, 0.6f}}, false);
  } else if (name == "right") {
    p.poly({{-0.25f, -0.6f}, {0.35f, 0.0f}, {-0.25f, 0.6f}}, false);
  } else if (name == "home") {
    p.poly({{-0.75f, -0.05f}, {0.0f, -0.7f}, {0.75f, -0.05f}}, false);
    p.poly({{-0.55f, -0.2f}, {-0.55f, 0.7f}, {0.55f, 0.7f}, {0.55f, -0.2f}}, false);
  } else {
    list->AddCircleFilled(centre, size * 0.15f, colour);
  }
}

}  // namespace kiosk::ui
