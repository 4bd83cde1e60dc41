#pragma once
// The operator panel's stages: hidden, the PIN keypad, the panel. It collects the digits,
// asks `check_pin` (which decides and rate-limits, ops::PinGuard) and keeps what the
// keypad says after a refusal, the touch-test grid and the command the operator chose.

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/controller/action.h"
#include "kiosk/show/pin_attempts.h"

namespace kiosk::controller {

constexpr int kTouchGridColumns = 8, kTouchGridRows = 5;
constexpr size_t kLongestPin = 12;

enum class OperatorStage { Hidden, Keypad, Panel };

// What the keypad says under the dots: nothing, a wrong PIN, or locked for `seconds`.
struct PinMessage {
  enum Kind { None, Wrong, Locked } kind = None;
  int seconds = 0;
};

class OperatorFlow {
 public:
  using CheckPin = std::function<show::PinVerdict(const std::string&)>;
  void set_check_pin(CheckPin check) { check_pin_ = std::move(check); }

  void open_keypad();
  void open_panel();
  void hide() { stage_ = OperatorStage::Hidden; }
  // A keypad or panel action; returns false for an action that is not the operator's.
  bool apply(const Action& action);

  OperatorStage stage() const { return stage_; }
  bool shown() const { return stage_ != OperatorStage::Hidden; }
  size_t digits_entered() const { return pin_.size(); }
  const PinMessage& message() const { return message_; }
  const std::vector<bool>& touched_cells() const { return touched_; }
  // Reload, Rollback or Maintenance, once, after the operator tapped it.
  OperatorCommand take_command() { return std::exchange(command_, OperatorCommand::None); }
  // "operator-pin" and "operator" as each stage opens, for the scene log.
  std::vector<std::string> take_log() { return std::exchange(log_, {}); }

 private:
  void submit();

  OperatorStage stage_ = OperatorStage::Hidden;
  CheckPin check_pin_;
  std::string pin_;
  PinMessage message_;
  std::vector<bool> touched_ = std::vector<bool>(kTouchGridColumns * kTouchGridRows, false);
  OperatorCommand command_ = OperatorCommand::None;
  std::vector<std::string> log_;
};

}  // namespace kiosk::controller
