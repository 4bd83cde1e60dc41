#pragma once
// What the layout did to the text it drew in one frame: each text box's rectangle (its
// glyphs' extent), the box it had to fit in, and whether it was cut short with "…",
// spilled out of its box, was left out for want of room, or drew a code point its font
// (the role at its baked size) lacks. The fixed furniture (top bar pills, page arrows,
// dots) is logged too, so that text running into it, or into other text, is found.
// Always on while KioskScreen draws: an entry is a few floats per text box.

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

struct LoggedText {
  Rect rect;  // the glyphs' extent as drawn
  Rect clip;  // the draw list's clip rectangle: only rect ∩ clip is seen
  const ImFont* font = nullptr;
  float size = 0;
  uint32_t colour = 0;  // ImGui-packed, with its alpha: what a contrast check measures against the pixels
  std::string text;
  bool ellipsised = false;         // cut short with "…"
  bool clipped = false;            // outside the box it was laid out in, or left out altogether
  std::vector<char32_t> fallback;  // code points the font lacks (drawn as its fallback glyph)
};

struct LoggedFurniture {
  Rect rect;
  std::string what;
};

// A shape that carries meaning without words (the progress cue's current dot, the touch
// cue's heart), with its colour: a contrast check measures it against what lies around it.
struct LoggedMark {
  Rect rect;
  uint32_t colour = 0;
  std::string what;
};

// One problem the layout made, worded for a test's failure message.
struct LayoutProblem {
  enum Kind { Fallback, Clip, Ellipsis, Overlap } kind;
  std::string what;
};

class LayoutLog {
 public:
  void clear();
  void text(LoggedText entry) { texts_.push_back(std::move(entry)); }
  void furniture(const Rect& r, std::string what) { furniture_.push_back({r, std::move(what)}); }
  void mark(const Rect& r, uint32_t colour, std::string what) { marks_.push_back({r, colour, std::move(what)}); }
  // The box text drawn from now on must stay in (a card, a tile), until pop_box().
  void push_box(const Rect& r) { boxes_.push_back(r); }
  void pop_box() { boxes_.pop_back(); }
  const Rect* box() const { return boxes_.empty() ? nullptr : &boxes_.back(); }
  void set_canvas(float width, float height) { canvas_ = {ImVec2(0, 0), ImVec2(width, height)}; }
  const Rect& canvas() const { return canvas_; }

  const std::vector<LoggedText>& texts() const { return texts_; }
  const std::vector<LoggedFurniture>& furniture() const { return furniture_; }
  const std::vector<LoggedMark>& marks() const { return marks_; }
  // Every fallback glyph, clip, ellipsis and overlap of the frame.
  std::vector<LayoutProblem> problems() const;

 private:
  std::vector<LoggedText> texts_;
  std::vector<LoggedFurniture> furniture_;
  std::vector<LoggedMark> marks_;
  std::vector<Rect> boxes_;
  Rect canvas_{ImVec2(0, 0), ImVec2(1e9f, 1e9f)};
};

// The log the text painter writes to while a frame is drawn (null: none). Set by
// KioskScreen::draw for its frame; the ui draws on one thread.
LayoutLog* layout_log();
class ScopedLayoutLog {
 public:
  explicit ScopedLayoutLog(LayoutLog& log);
  ~ScopedLayoutLog();
  ScopedLayoutLog(const ScopedLayoutLog&) = delete;
  ScopedLayoutLog& operator=(const ScopedLayoutLog&) = delete;

 private:
  LayoutLog* previous_;
};

// Text drawn must stay inside `r` while this lives (no-op without a log).
class ScopedBox {
 public:
  explicit ScopedBox(const Rect& r);
  ~ScopedBox();
  ScopedBox(const ScopedBox&) = delete;
  ScopedBox& operator=(const ScopedBox&) = delete;

 private:
  LayoutLog* log_;
};

// Furniture a view drew, for the overlap check (no-op without a log).
void log_furniture(const Rect& r, const char* what);
// A shape that carries meaning, for the contrast check (no-op without a log).
void log_mark(const Rect& r, uint32_t colour, const char* what);
// A text the layout left out for want of room: a clip.
void log_dropped(const ImFont* font, float size, std::string_view text, const Rect& where);

}  // namespace kiosk::ui
