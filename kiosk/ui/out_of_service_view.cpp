#include "kiosk/ui/out_of_service_view.h"

#include "kiosk/ui/text_painter.h"

namespace kiosk::ui {

void draw_out_of_service(ImDrawList* list, const Canvas& canvas, const Fonts& fonts,
                         const std::vector<std::string>& lines, ImVec2 drift) {
  list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
  auto line = [&](size_t i) { return i < lines.size() ? lines[i] : std::string(); };
  float width = canvas.width - 2 * canvas.margin();
  float x = canvas.margin() + drift.x;
  TextStyle title{fonts.get(Role::Title), fonts.size(Role::Title), colour::text, 1.3f};
  TextStyle subtitle{fonts.get(Role::Heading), fonts.size(Role::Heading), colour::muted, 1.4f};
  TextStyle body{fonts.get(Role::Body), fonts.size(Role::Body), colour::muted, 1.5f};
  float y = canvas.height * 0.34f + drift.y;
  list->AddRectFilled(ImVec2(canvas.width * 0.5f - canvas.px(40) + drift.x, y - canvas.px(56)),
                      ImVec2(canvas.width * 0.5f + canvas.px(40) + drift.x, y - canvas.px(50)), colour::gold);
  y += draw_text_block(list, title, line(0), ImVec2(x, y), width, 1, Align::Centre);
  y += draw_text_block(list, subtitle, line(1), ImVec2(x, y), width, 1, Align::Centre) + canvas.px(40);
  y += draw_text_block(list, body, line(2), ImVec2(x, y), width, 2, Align::Centre);
  draw_text_block(list, body, line(3), ImVec2(x, y), width, 2, Align::Centre);
}

}  // namespace kiosk::ui
