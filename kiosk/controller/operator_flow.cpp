#include "kiosk/controller/operator_flow.h"

namespace kiosk::controller {

void OperatorFlow::open_keypad() {
  stage_ = OperatorStage::Keypad;
  pin_.clear();
  message_ = {};
  log_.push_back("operator-pin");
}

void OperatorFlow::open_panel() {
  stage_ = OperatorStage::Panel;
  touched_.assign(touched_.size(), false);
  log_.push_back("operator");
}

void OperatorFlow::submit() {
  // Without a PIN check (no configuration) the keypad never opens the panel.
  auto verdict = check_pin_ ? check_pin_(pin_) : show::PinVerdict{};
  pin_.clear();
  if (verdict.ok) {
    message_ = {};
    open_panel();
  } else if (verdict.locked_for_s > 0) {
    message_ = {PinMessage::Locked, verdict.locked_for_s};
  } else {
    message_ = {PinMessage::Wrong, 0};
  }
}

bool OperatorFlow::apply(const Action& action) {
  if (stage_ == OperatorStage::Keypad) {
    if (const auto* digit = std::get_if<KeypadDigit>(&action)) {
      if (pin_.size() < kLongestPin && digit->digit >= 0 && digit->digit <= 9)
        pin_ += static_cast<char>('0' + digit->digit);
    } else if (std::holds_alternative<KeypadClear>(action)) {
      pin_.clear();
    } else if (std::holds_alternative<KeypadCancel>(action)) {
      hide();
    } else if (std::holds_alternative<KeypadOk>(action)) {
      submit();
    } else {
      return false;
    }
    return true;
  }
  if (stage_ == OperatorStage::Panel) {
    if (const auto* cell = std::get_if<TouchCell>(&action)) {
      if (cell->index >= 0 && static_cast<size_t>(cell->index) < touched_.size())
        touched_[static_cast<size_t>(cell->index)] = true;
    } else if (const auto* run = std::get_if<RunCommand>(&action)) {
      command_ = run->command;
    } else if (std::holds_alternative<CloseOperator>(action)) {
      hide();
    } else {
      return false;
    }
    return true;
  }
  return false;
}

}  // namespace kiosk::controller
