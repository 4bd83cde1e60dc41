#pragma once
// The operator's screens, hidden from visitors: the PIN keypad and the panel with the
// kiosk's state, a touch-test grid and the maintenance actions.

#include <string>
#include <vector>

#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

// What the panel shows, gathered by the app.
struct OperatorInfo {
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  std::vector<std::string> history;                        // install history, newest last
  std::vector<std::string> errors;                         // recent errors, newest last
  bool unsigned_allowed = false;                           // development mode: said on screen
};

struct OperatorTap {
  enum Kind { None, Digit, Clear, Ok, Cancel, Reload, Rollback, Maintenance, Close, TouchCell } kind = None;
  int value = 0;  // the digit, or the touch-test cell
};

constexpr int kTouchGridColumns = 8, kTouchGridRows = 5;

OperatorTap draw_keypad(const ViewContext& ctx, size_t digits_entered, const std::string& message);
OperatorTap draw_operator_panel(const ViewContext& ctx, const OperatorInfo& info, const std::vector<bool>& touched);

}  // namespace kiosk::ui
