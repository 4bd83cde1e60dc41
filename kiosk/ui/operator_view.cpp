#include "kiosk/ui/operator_view.h"

#include <algorithm>

#include "kiosk/ui/layout_log.h"

namespace kiosk::ui {
namespace {

using content::UiKey;

void key(const ViewContext& ctx, const Rect& r, const std::string& label, controller::Action action,
         uint32_t fill = colour::surface_pressed) {
  bool down = ctx.w.pressed(r);
  Rect shown = pressed_rect(r, down);
  ctx.list()->AddRectFilled(shown.min, shown.max, down ? colour::muted : fill, ctx.px(16));
  auto style = ctx.style(Role::Heading, down ? colour::bg : colour::text, 1);
  float w = text_width(style, label);
  draw_text_line(ctx.list(), style, ImVec2(shown.centre().x - w * 0.5f, shown.centre().y - style.size * 0.55f), label);
  log_furniture(r, "key");
  ctx.w.hit(r, std::move(action));
}

}  // namespace

std::string pin_message_text(const ViewContext& ctx, const controller::PinMessage& message) {
  switch (message.kind) {
    case controller::PinMessage::None: return "";
    case controller::PinMessage::Wrong: return ctx.ui(UiKey::pin_wrong);
    case controller::PinMessage::Locked: return fill(ctx.ui(UiKey::pin_locked), "{n}", std::to_string(message.seconds));
  }
  return "";
}

void draw_keypad(const ViewContext& ctx, size_t digits_entered, const controller::PinMessage& message) {
  const auto& c = ctx.canvas();
  ctx.list()->AddRectFilled(ImVec2(0, 0), ImVec2(c.width, c.height), colour::with_alpha(colour::night, 0.94f));
  float key_w = ctx.px(168), key_h = ctx.px(112), gap = ctx.px(24);
  float card_w = 3 * key_w + 2 * gap + ctx.px(112), card_h = ctx.px(940);
  ImVec2 min((c.width - card_w) * 0.5f, (c.height - card_h) * 0.5f);
  ctx.list()->AddRectFilled(min, ImVec2(min.x + card_w, min.y + card_h), colour::surface, ctx.px(28));
  float x0 = min.x + ctx.px(56), y = min.y + ctx.px(48), inner = card_w - ctx.px(112);
  auto heading = ctx.style(Role::Heading, colour::text, 1.3f);
  y += draw_text_block(ctx.list(), heading, ctx.ui(UiKey::pin_prompt), ImVec2(x0, y), inner, 1, Align::Centre);
  // One dot per digit entered; the digits themselves are never shown.
  float dot = ctx.px(14), spacing = ctx.px(44);
  float dots_w = static_cast<float>(std::max<size_t>(digits_entered, 1) - 1) * spacing;
  for (size_t i = 0; i < digits_entered; ++i)
    ctx.list()->AddCircleFilled(
        ImVec2(min.x + card_w * 0.5f - dots_w * 0.5f + static_cast<float>(i) * spacing, y + ctx.px(36)), dot,
        colour::gold, 24);
  y += ctx.px(80);
  auto note = ctx.style(Role::Caption, colour::haitang, 1.3f);
  draw_text_block(ctx.list(), note, pin_message_text(ctx, message), ImVec2(x0, y), inner, 2, Align::Centre);
  y += ctx.px(72);
  const char* labels[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
  for (int i = 0; i < 12; ++i) {
    float kx = x0 + static_cast<float>(i % 3) * (key_w + gap), ky = y + static_cast<float>(i / 3) * (key_h + gap);
    Rect r{ImVec2(kx, ky), ImVec2(kx + key_w, ky + key_h)};
    if (i == 9)
      key(ctx, r, ctx.ui(UiKey::keypad_clear), controller::KeypadClear{});
    else if (i == 11)
      key(ctx, r, ctx.ui(UiKey::keypad_ok), controller::KeypadOk{}, colour::with_alpha(colour::teal, 0.45f));
    else
      key(ctx, r, labels[i], controller::KeypadDigit{labels[i][0] - '0'});
  }
  y += 4 * (key_h + gap);
  ctx.w.pill({ImVec2(x0 + inner * 0.25f, y), ImVec2(x0 + inner * 0.75f, y + ctx.px(kTopBarHeight))},
             ctx.ui(UiKey::keypad_cancel), false, controller::KeypadCancel{});
}

void draw_operator_panel(const ViewContext& ctx, const OperatorInfo& info, const std::vector<bool>& touched) {
  using controller::kTouchGridColumns, controller::kTouchGridRows;
  const auto& c = ctx.canvas();
  ctx.list()->AddRectFilled(ImVec2(0, 0), ImVec2(c.width, c.height), colour::night);
  float m = c.margin(), y = ctx.px(56);
  auto title = ctx.style(Role::Title, colour::text, 1.2f);
  y += draw_text_block(ctx.list(), title, ctx.ui(UiKey::operator_title), ImVec2(m, y), c.width - 2 * m, 1);
  if (info.unsigned_allowed) {
    auto warning = ctx.style(Role::Label, colour::haitang, 1.4f);
    y += draw_text_block(ctx.list(), warning, ctx.ui(UiKey::unsigned_allowed), ImVec2(m, y), c.width - 2 * m, 1);
  }
  y += ctx.px(16);

  // Facts, the install history and recent errors on the left; the touch test on the right.
  float left_w = c.portrait ? c.width - 2 * m : ctx.px(900);
  auto label = ctx.style(Role::Caption, colour::muted, 1.5f);
  auto value = ctx.style(Role::Caption, colour::text, 1.5f);
  auto label_of = [&](const OperatorFact& fact) {
    std::string shown = ctx.ui(fact.label);
    return shown.empty() ? std::string(content::ui_key_name(fact.label)) : shown;
  };
  // The labels' column as wide as the widest label, up to 40% of the column.
  float label_w = 0;
  for (const auto& fact : info.facts) label_w = std::max(label_w, text_width(label, label_of(fact)));
  label_w = std::min(label_w, left_w * 0.4f);
  for (const auto& fact : info.facts) {
    float label_h = draw_text_block(ctx.list(), label, label_of(fact), ImVec2(m, y), label_w, 2);
    std::string text = fact.value;
    if (fact.value_text) text = ctx.ui(*fact.value_text) + (text.empty() ? "" : "  (" + text + ")");
    float x = m + label_w + ctx.px(20);
    y += std::max(label_h, draw_text_block(ctx.list(), value, text, ImVec2(x, y), m + left_w - x, 2));
  }
  // The actions, along the bottom.
  using controller::OperatorCommand, controller::RunCommand;
  const std::pair<UiKey, controller::Action> actions[] = {
      {UiKey::operator_reload, RunCommand{OperatorCommand::Reload}},
      {UiKey::operator_rollback, RunCommand{OperatorCommand::Rollback}},
      {UiKey::operator_enter_maintenance, RunCommand{OperatorCommand::Maintenance}},
      {UiKey::operator_close, controller::CloseOperator{}}};
  // One row of four where the labels fit, else two rows of two (English in portrait).
  float gap = ctx.px(24), h = ctx.px(kTopBarHeight);
  auto pill_label = ctx.style(Role::Label, colour::text, 1);
  float widest = 0;
  for (const auto& a : actions) widest = std::max(widest, text_width(pill_label, ctx.ui(a.first)));
  size_t per_row = (c.width - 2 * m - 3 * gap) / 4 >= widest + ctx.px(48) ? 4 : 2;
  float w = (c.width - 2 * m - static_cast<float>(per_row - 1) * gap) / static_cast<float>(per_row);
  float rows_h = per_row == 4 ? h : 2 * h + gap;
  float actions_top = c.height - m - rows_h;

  // The newest four entries of a list under its heading, each in up to two lines.
  auto heading_style = ctx.style(Role::Label, colour::gold, 1.5f);
  auto section = [&](float x, float width, float& at, const std::string& heading,
                     const std::vector<std::string>& lines) {
    at += ctx.px(12);
    at += draw_text_block(ctx.list(), heading_style, heading, ImVec2(x, at), width, 1);
    size_t first = lines.size() > 4 ? lines.size() - 4 : 0;
    for (size_t i = first; i < lines.size(); ++i)
      at += draw_text_block(ctx.list(), value, lines[i], ImVec2(x, at), width, 2);
  };
  section(m, left_w, y, ctx.ui(UiKey::install_history), info.history);
  // In landscape, errors that would reach the actions go under the touch test instead.
  float errors_w = c.width - 2 * m - left_w - ctx.px(64);  // the right column's width
  float errors_h = ctx.px(12) + heading_style.size * heading_style.line_spacing;
  for (size_t i = info.errors.size() > 4 ? info.errors.size() - 4 : 0; i < info.errors.size(); ++i)
    errors_h += measure_text_block(value, info.errors[i], errors_w, 2);
  bool errors_right = !c.portrait && y + errors_h > actions_top - gap;
  if (!errors_right) section(m, left_w, y, ctx.ui(UiKey::recent_errors), info.errors);

  float grid_x = c.portrait ? m : m + left_w + ctx.px(64);
  float grid_y = c.portrait ? y + ctx.px(24) : ctx.px(200);
  float grid_w = c.portrait ? c.width - 2 * m : c.width - m - grid_x, cell = grid_w / kTouchGridColumns;
  draw_text_block(ctx.list(), heading_style, ctx.ui(UiKey::touch_test), ImVec2(grid_x, grid_y), grid_w, 1);
  grid_y += ctx.px(56);
  // In landscape the grid's cells shrink (to no less than a finger's 64 px) to leave room below.
  if (!c.portrait) {
    float room = actions_top - gap - (errors_right ? errors_h : 0) - grid_y;
    cell = std::max(std::min(cell, room / kTouchGridRows), ctx.px(64));
  }
  log_furniture({ImVec2(grid_x, grid_y), ImVec2(grid_x + grid_w, grid_y + cell * kTouchGridRows)}, "touch grid");
  for (int i = 0; i < kTouchGridColumns * kTouchGridRows; ++i) {
    float cx = grid_x + static_cast<float>(i % kTouchGridColumns) * cell;
    float cy = grid_y + static_cast<float>(i / kTouchGridColumns) * cell;
    Rect r{ImVec2(cx + 2, cy + 2), ImVec2(cx + cell - 2, cy + cell - 2)};
    bool lit = static_cast<size_t>(i) < touched.size() && touched[static_cast<size_t>(i)];
    ctx.list()->AddRectFilled(r.min, r.max, lit ? colour::teal : colour::surface, ctx.px(6));
    ctx.w.hit(r, controller::TouchCell{i}, true);
  }
  float errors_y = grid_y + cell * kTouchGridRows;
  if (errors_right) section(grid_x, grid_w, errors_y, ctx.ui(UiKey::recent_errors), info.errors);

  for (size_t i = 0; i < 4; ++i) {
    float bx = m + static_cast<float>(i % per_row) * (w + gap);
    float by = actions_top + static_cast<float>(i / per_row) * (h + gap);
    bool last = i == 3;
    ctx.w.pill({ImVec2(bx, by), ImVec2(bx + w, by + h)}, ctx.ui(actions[i].first), last, actions[i].second);
  }
}

}  // namespace kiosk::ui
