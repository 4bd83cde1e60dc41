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
    case content::CategoryIcon::Chart: {
      p.line(-0.9f, 0.85f, 0.9f, 0.85f);
      p.fill(-0.7f, 0.2f, -0.35f, 0.75f);
      p.fill(-0.15f, -0.2f, 0.2f, 0.75f);
      p.fill(0.4f, -0.7f, 0.75f, 0.75f);
      break;
    }
    case content::CategoryIcon::Building: {
      p.rect(-0.55f, -0.85f, 0.55f, 0.85f);
      for (float y : {-0.55f, -0.15f, 0.25f})
        for (float x : {-0.3f, 0.1f}) p.fill(x, y, x + 0.2f, y + 0.2f);
      p.fill(-0.12f, 0.55f, 0.12f, 0.85f);
      break;
    }
    case content::CategoryIcon::Handshake: {
      p.poly({{-0.95f, -0.1f}, {-0.45f, -0.45f}, {0.0f, -0.2f}, {0.45f, -0.45f}, {0.95f, -0.1f}}, false);
      p.poly({{-0.6f, 0.0f}, {-0.1f, 0.45f}, {0.1f, 0.3f}, {0.35f, 0.5f}, {0.7f, 0.1f}}, false);
      p.line(0.0f, -0.2f, -0.3f, 0.1f);
      break;
    }
    case content::CategoryIcon::Key: {
      p.circle(-0.45f, 0.0f, 0.38f);
      p.line(-0.07f, 0.0f, 0.9f, 0.0f);
      p.line(0.55f, 0.0f, 0.55f, 0.3f);
      p.line(0.8f, 0.0f, 0.8f, 0.3f);
      break;
    }
    case content::CategoryIcon::City: {
      p.line(-0.95f, 0.85f, 0.95f, 0.85f);
      p.rect(-0.85f, -0.2f, -0.35f, 0.85f);
      p.rect(-0.25f, -0.85f, 0.25f, 0.85f);
      p.rect(0.35f, -0.45f, 0.85f, 0.85f);
      break;
    }
    case content::CategoryIcon::Heart: {
      p.list->PathClear();
      for (int i = 0; i <= 40; ++i) {
        float t = static_cast<float>(i) / 40 * 2 * kPi;
        float x = 16 * std::pow(std::sin(t), 3.0f);
        float y = -(13 * std::cos(t) - 5 * std::cos(2 * t) - 2 * std::cos(3 * t) - std::cos(4 * t));
        p.list->PathLineTo(p.at(x / 18, y / 18 - 0.05f));
      }
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
    case content::CategoryIcon::Landmark: {  // a clock tower  // a clock tower
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
