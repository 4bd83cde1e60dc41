#pragma once
// What a tap on a control means, as typed actions, and the rectangles a view reports for
// each control it drew. Views compute the layout; the controller decides what a tap on a
// rectangle does.

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/text/lang.h"

namespace kiosk::controller {

struct OpenCategory {
  std::string id;
};
struct OpenItem {
  std::string id;
};
struct Back {};
struct Home {};
struct SetLanguage {
  text::Lang lang = text::Lang::Zh;
};
struct SetLargeText {
  bool on = false;
};
struct Neighbour {
  int step = 0;  // +1 the next item, -1 the previous
};
// The report's full text: open it, jump to a section of the list, turn a page.
struct OpenReport {};
// The district map, from home or a landmark's page.
struct OpenMap {};
struct ReportSection {
  size_t index = 0;
};
struct TurnPage {
  int step = 0;  // +1 the next page, -1 the previous
};
// The operator's keypad and panel.
struct KeypadDigit {
  int digit = 0;
};
struct KeypadClear {};
struct KeypadOk {};
struct KeypadCancel {};
struct TouchCell {
  int index = 0;
};
enum class OperatorCommand { None, Reload, Rollback, Maintenance };
struct RunCommand {
  OperatorCommand command = OperatorCommand::None;
};
struct CloseOperator {};

using Action = std::variant<OpenCategory, OpenItem, Back, Home, SetLanguage, SetLargeText, Neighbour, OpenReport,
                            OpenMap, ReportSection, TurnPage, KeypadDigit, KeypadClear, KeypadOk, KeypadCancel,
                            TouchCell, RunCommand, CloseOperator>;

struct Point {
  float x = 0, y = 0;
};

struct HitRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool contains(Point p) const { return p.x >= x0 && p.x < x1 && p.y >= y0 && p.y < y1; }
};

// One control as drawn: where it is and what a tap on it means. `on_press` controls (the
// touch-test grid) act as soon as a still finger is down on them, not only on a tap.
struct Hit {
  HitRect rect;
  Action action;
  bool on_press = false;
};

// What the views report for the frame they drew.
struct FrameReport {
  std::vector<Hit> hits;      // later ones lie on top
  float content_height = 0;   // the scrolled list's full height (category, detail)
  float viewport_height = 0;  // how much of it is visible at once
  int page_count = 0;         // the report section's pages as laid out (report); 0: none reported
  // The image ids the placeholder stood in for ("": the view had no picture to ask for).
  std::vector<std::string> placeholders;
};

}  // namespace kiosk::controller
