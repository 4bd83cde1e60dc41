#include "kiosk/ui/attract_view.h"

#include <algorithm>
#include <cmath>

#include "kiosk/text/figure_text.h"
#include "kiosk/ui/text_painter.h"

namespace kiosk::ui {
namespace {

constexpr double kCountUpSeconds = 1.2;
constexpr float kDriftReference = 40;  // content moves up to 40 px while it fades

float ascent(const Fonts& fonts, Role role) {
  ImFont* font = fonts.get(role);
  return font->Ascent * (fonts.size(role) / font->FontSize);
}

TextStyle style(const Fonts& fonts, Role role, uint32_t colour, float alpha, float spacing = 1.5f) {
  return {fonts.get(role), fonts.size(role), colour::with_alpha(colour, alpha), spacing};
}

// The width a slide's text column may use.
float column_width(const Canvas& canvas) {
  return canvas.portrait ? canvas.width - 2 * canvas.margin() : canvas.px(1240);
}

}  // namespace

std::string AttractView::ui(const std::string& key, text::Lang lang) const {
  auto it = strings_.find(key);
  return it == strings_.end() ? std::string() : text::pick(it->second, lang);
}

void AttractView::draw(ImDrawList* list, const Canvas& canvas, const AttractFrame& frame) const {
  list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
  float t = static_cast<float>(text::ease_in_out_cubic(frame.transition));
  float drift = canvas.px(kDriftReference);
  if (frame.previous && t < 1) draw_slide(list, canvas, *frame.previous, frame, 1 - t, -drift * t);
  if (frame.current) draw_slide(list, canvas, *frame.current, frame, t, drift * (1 - t));
  draw_chrome(list, canvas, frame);
}

void AttractView::draw_slide(ImDrawList* list, const Canvas& canvas, const SlideContent& slide,
                             const AttractFrame& frame, float alpha, float offset) const {
  float m = canvas.margin();
  ImVec2 shift = frame.slide_transition ? ImVec2(offset * 3, 0) : ImVec2(0, offset);
  const auto lang = frame.lang;

  // Category label: a short accent rule and the category's name.
  uint32_t accent = colour::from_hex(slide.category.accent, colour::gold);
  float label_y = m + shift.y;
  list->AddRectFilled(ImVec2(m + shift.x, label_y + canvas.px(6)), ImVec2(m + shift.x + canvas.px(48), label_y + canvas.px(12)),
                      colour::with_alpha(accent, alpha));
  auto label = style(fonts_, Role::Caption, accent, alpha);
  list->AddText(label.font, label.size, ImVec2(m + shift.x, label_y + canvas.px(28)), label.colour,
                text::pick(slide.category.title, lang).c_str());

  float width = column_width(canvas);
  float top = canvas.portrait ? canvas.px(520) : canvas.px(250);
  ImVec2 origin(m + shift.x, top + shift.y);
  if (slide.item.figure) {
    draw_figure(list, canvas, slide, frame, alpha, origin, width);
    return;
  }
  auto title = style(fonts_, Role::Title, colour::text, alpha, 1.25f);
  float y = origin.y + draw_text_block(list, title, text::pick(slide.item.title, lang), origin, width, 3);
  auto body = style(fonts_, Role::Body, colour::muted, alpha);
  draw_text_block(list, body, text::pick(slide.item.summary, lang), ImVec2(origin.x, y + canvas.px(24)), width, 4);
}

void AttractView::draw_figure(ImDrawList* list, const Canvas& canvas, const SlideContent& slide,
                              const AttractFrame& frame, float alpha, ImVec2 origin, float width) const {
  const auto& figure = *slide.item.figure;
  const auto lang = frame.lang;
  auto parts = text::split_figure(lang == text::Lang::Zh ? figure.display_zh : figure.display_en);
  double progress = text::ease_out_cubic(frame.time_in_slide / kCountUpSeconds);
  std::string shown = text::count_up_number(parts.number, progress);

  auto big = style(fonts_, Role::Figure, colour::gold, alpha, 1.0f);
  auto unit = style(fonts_, Role::FigureUnit, colour::gold, alpha, 1.0f);
  float unit_drop = ascent(fonts_, Role::Figure) - ascent(fonts_, Role::FigureUnit);  // share the baseline
  float gap = canvas.px(12);
  float prefix_w = parts.prefix.empty() ? 0 : text_width(unit, parts.prefix) + gap;
  float number_w = text_width(big, parts.number);  // the final width: the unit never jumps while counting
  float suffix_w = text_width(unit, parts.suffix);
  bool one_line = prefix_w + number_w + gap + suffix_w <= width;

  float x = origin.x;
  if (!parts.prefix.empty()) list->AddText(unit.font, unit.size, ImVec2(x, origin.y + unit_drop), unit.colour, parts.prefix.c_str());
  x += prefix_w;
  list->AddText(big.font, big.size, ImVec2(x, origin.y), big.colour, shown.c_str());
  float y = origin.y + big.size;
  if (one_line) {
    list->AddText(unit.font, unit.size, ImVec2(x + number_w + gap, origin.y + unit_drop), unit.colour, parts.suffix.c_str());
  } else {
    y += draw_text_block(list, unit, parts.suffix, ImVec2(origin.x, y), width, 2) - unit.size * 0.2f;
  }

  y += canvas.px(32);
  auto title = style(fonts_, Role::Title, colour::text, alpha, 1.25f);
  y += draw_text_block(list, title, text::pick(slide.item.title, lang), ImVec2(origin.x, y), width, 2);
  y += canvas.px(16);
  auto body = style(fonts_, Role::Body, colour::muted, alpha);
  draw_text_block(list, body, text::pick(slide.item.summary, lang), ImVec2(origin.x, y), width, 3);
}

void AttractView::draw_chrome(ImDrawList* list, const Canvas& canvas, const AttractFrame& frame) const {
  float m = canvas.margin();
  const auto lang = frame.lang;
  // Source line: every slide's figures come from the report.
  auto caption = style(fonts_, Role::Caption, colour::muted, 1);
  std::string source = ui("source_label", lang) + (lang == text::Lang::Zh ? "：" : ": ") + ui("source_document", lang);
  float source_y = canvas.height - m - caption.size;
  float source_width = canvas.portrait ? canvas.width - 2 * m : canvas.px(1100);
  draw_text_block(list, caption, source, ImVec2(m, source_y - caption.size * 0.25f), source_width, 1);

  // Progress cue: one dot per slide, the current one long and gold. Static within a slide.
  if (frame.count > 1) {
    float dot = canvas.px(10), spacing = canvas.px(22), current_w = canvas.px(36);
    float total = static_cast<float>(frame.count - 1) * spacing + current_w;
    float x = canvas.portrait ? (canvas.width - total) * 0.5f : m;
    float y = canvas.portrait ? source_y - canvas.px(72) : source_y - canvas.px(40);
    for (size_t i = 0; i < frame.count; ++i) {
      bool current = i == frame.position;
      float w = current ? current_w : dot;
      list->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + dot), current ? colour::gold : colour::with_alpha(colour::muted, 0.35f),
                          dot * 0.5f);
      x += w + (spacing - dot);
    }
  }

  if (!frame.show_touch_cue) return;
  // Touch cue: a ring that breathes slowly and the invitation in both languages.
  auto cue_zh = style(fonts_, Role::Heading, colour::text, 1);
  auto cue_en = style(fonts_, Role::Caption, colour::haitang, 1);
  std::string zh = ui("touch_cue", text::Lang::Zh), en = ui("touch_cue", text::Lang::En);
  float text_w = std::max(text_width(cue_zh, zh), text_width(cue_en, en));
  float right = canvas.width - m;
  float bottom = canvas.height - m;
  float ring_r = canvas.px(30);
  ImVec2 centre(right - text_w - canvas.px(28) - ring_r, bottom - canvas.px(44));
  float breathe = static_cast<float>(0.5 + 0.5 * std::sin(frame.pulse * 2.0 * 3.14159265 / 2.4));
  list->AddCircle(centre, ring_r * (1 + 0.18f * breathe), colour::with_alpha(colour::haitang, 0.9f - 0.5f * breathe), 48,
                  canvas.px(3));
  list->AddCircleFilled(centre, ring_r * 0.42f, colour::haitang, 32);
  float text_x = right - text_w;
  list->AddText(cue_zh.font, cue_zh.size, ImVec2(text_x, bottom - canvas.px(44) - cue_zh.size * 0.9f), cue_zh.colour, zh.c_str());
  list->AddText(cue_en.font, cue_en.size, ImVec2(text_x, bottom - canvas.px(44) + canvas.px(12)), cue_en.colour, en.c_str());
}

void AttractView::draw_title(ImDrawList* list, const Canvas& canvas, const std::string& title, text::Lang) const {
  list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
  auto style_title = style(fonts_, Role::Title, colour::text, 1, 1.25f);
  float width = canvas.width - 2 * canvas.margin();
  float h = measure_text_block(style_title, title, width, 3);
  float y = (canvas.height - h) * 0.5f;
  list->AddRectFilled(ImVec2(canvas.width * 0.5f - canvas.px(40), y - canvas.px(48)),
                      ImVec2(canvas.width * 0.5f + canvas.px(40), y - canvas.px(42)), colour::gold);
  draw_text_block(list, style_title, title, ImVec2(canvas.margin(), y), width, 3, Align::Centre);
}

}  // namespace kiosk::ui
