#pragma once
// The operator's screens, hidden from visitors: the PIN keypad and the panel with the
// kiosk's state, a touch-test grid and the maintenance actions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/content/ui_keys.h"
#include "kiosk/controller/operator_flow.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {

// One line of the panel: its label, and its value as an interface text (`value_text`,
// shown in the panel's language) followed by `value`.
struct OperatorFact {
  content::UiKey label;
  std::string value;
  std::optional<content::UiKey> value_text;
};

// What the panel shows, gathered by the app.
struct OperatorInfo {
  std::vector<OperatorFact> facts;
  std::vector<std::string> history;  // install history, newest last
  std::vector<std::string> errors;   // recent errors, newest last
  bool unsigned_allowed = false;     // development mode: said on screen
};

// Characters the panel draws from outside the bundle (timestamps, file names, errors,
// figures): each role the panel uses bakes them, whatever the bundle's own texts hold.
inline constexpr std::string_view kOperatorPanelCharacters =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~—…";
inline constexpr Role kOperatorPanelRoles[] = {Role::Title, Role::Heading, Role::Label, Role::Caption};

// The keypad's message after a refused PIN, in the panel's language.
std::string pin_message_text(const ViewContext& ctx, const controller::PinMessage& message);

void draw_keypad(const ViewContext& ctx, size_t digits_entered, const controller::PinMessage& message);
void draw_operator_panel(const ViewContext& ctx, const OperatorInfo& info, const std::vector<bool>& touched);

}  // namespace kiosk::ui
