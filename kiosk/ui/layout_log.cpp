#include "kiosk/ui/layout_log.h"

#include <algorithm>
#include <cstdio>

#include "kiosk/text/utf8.h"

namespace kiosk::ui {
namespace {

LayoutLog* g_log = nullptr;

// Half a pixel of slack: glyph extents are rounded to pixels as they are drawn.
constexpr float kSlack = 0.5f;

Rect intersect(const Rect& a, const Rect& b) {
  return {ImVec2(std::max(a.min.x, b.min.x), std::max(a.min.y, b.min.y)),
          ImVec2(std::min(a.max.x, b.max.x), std::min(a.max.y, b.max.y))};
}

bool empty(const Rect& r) {
  return r.max.x - r.min.x <= kSlack || r.max.y - r.min.y <= kSlack;
}

bool inside(const Rect& inner, const Rect& outer) {
  return inner.min.x >= outer.min.x - kSlack && inner.min.y >= outer.min.y - kSlack &&
         inner.max.x <= outer.max.x + kSlack && inner.max.y <= outer.max.y + kSlack;
}

std::string describe(const Rect& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "[%.0f,%.0f %.0fx%.0f]", r.min.x, r.min.y, r.width(), r.height());
  return buf;
}

std::string describe(const LoggedText& t) {
  auto points = text::decode(t.text);
  std::string s;
  for (size_t i = 0; i < points.size() && i < 60; ++i) s += text::encode(points[i]);
  if (points.size() > 60) s += "...";
  return "\"" + s + "\" " + std::to_string(static_cast<int>(t.size)) + "px " + describe(t.rect);
}

}  // namespace

void LayoutLog::clear() {
  texts_.clear();
  furniture_.clear();
  marks_.clear();
  boxes_.clear();
}

std::vector<LayoutProblem> LayoutLog::problems() const {
  std::vector<LayoutProblem> out;
  std::vector<Rect> seen;
  for (const auto& t : texts_) {
    seen.push_back(intersect(t.rect, t.clip));
    for (char32_t c : t.fallback) {
      char cp[16];
      std::snprintf(cp, sizeof cp, "U+%04X", static_cast<unsigned>(c));
      out.push_back({LayoutProblem::Fallback, std::string(cp) + " missing in " + describe(t)});
    }
    if (t.ellipsised) out.push_back({LayoutProblem::Ellipsis, "ellipsised: " + describe(t)});
    if (t.clipped) out.push_back({LayoutProblem::Clip, "clipped: " + describe(t)});
  }
  for (size_t i = 0; i < texts_.size(); ++i) {
    if (empty(seen[i])) continue;
    for (size_t j = i + 1; j < texts_.size(); ++j)
      if (!empty(seen[j]) && !empty(intersect(seen[i], seen[j])))
        out.push_back({LayoutProblem::Overlap, describe(texts_[i]) + " overlaps " + describe(texts_[j])});
    // A label drawn within its pill or button is its furniture's own.
    for (const auto& f : furniture_)
      if (!empty(intersect(seen[i], f.rect)) && !inside(seen[i], f.rect))
        out.push_back(
            {LayoutProblem::Overlap, describe(texts_[i]) + " runs into the " + f.what + " " + describe(f.rect)});
  }
  return out;
}

LayoutLog* layout_log() {
  return g_log;
}

ScopedLayoutLog::ScopedLayoutLog(LayoutLog& log) : previous_(g_log) {
  g_log = &log;
}
ScopedLayoutLog::~ScopedLayoutLog() {
  g_log = previous_;
}

ScopedBox::ScopedBox(const Rect& r) : log_(g_log) {
  if (log_) log_->push_box(r);
}
ScopedBox::~ScopedBox() {
  if (log_) log_->pop_box();
}

void log_furniture(const Rect& r, const char* what) {
  if (g_log) g_log->furniture(r, what);
}

void log_mark(const Rect& r, uint32_t colour, const char* what) {
  if (g_log) g_log->mark(r, colour, what);
}

void log_dropped(const ImFont* font, float size, std::string_view text, const Rect& where) {
  if (!g_log) return;
  LoggedText t;
  t.rect = where;
  t.clip = {ImVec2(0, 0), ImVec2(0, 0)};  // never seen: it is not drawn
  t.font = font;
  t.size = size;
  t.text = "(left out) " + std::string(text);
  t.clipped = true;
  g_log->text(std::move(t));
}

}  // namespace kiosk::ui
