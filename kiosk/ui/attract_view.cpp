#include "kiosk/ui/attract_view.h"

#include <algorithm>
#include <cmath>

#include "kiosk/controller/controller.h"
#include "kiosk/text/figure_text.h"
#include "kiosk/ui/figure_display.h"
#include "kiosk/ui/image_view.h"
#include "kiosk/ui/layout_log.h"
#include "kiosk/ui/scrim.h"
#include "kiosk/ui/text_painter.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {
namespace {

constexpr float kDriftReference = 40;         // content moves up to 40 px while it fades
constexpr float kZoomPerSecond = 0.08f / 10;  // 1.00 -> 1.08 over a 10 s landmark slide

TextStyle style(const Fonts& fonts, Role role, uint32_t colour, float alpha, float spacing = 1.5f) {
  return {fonts.get(role), fonts.size(role), colour::with_alpha(colour, alpha), spacing};
}

// The width a slide's text column may use.
float column_width(const Canvas& canvas) {
  return canvas.portrait ? canvas.width - 2 * canvas.margin() : canvas.px(1240);
}

// Where the static chrome stands: the source line, the progress dots above it, and the touch
// cue (right of them in landscape, under them in portrait). Shared by the chrome and the
// landmark slides' veil, which must reach up behind it.
struct ChromeLayout {
  float bottom = 0;    // of the safe area
  float source_y = 0;  // the source line's top
  float dots_y = 0;    // the progress dots' top
  float cue_top = 0;   // the touch cue's top (its text, taller than its ring)
  float top() const { return std::min(dots_y, cue_top); }
};

ChromeLayout chrome_layout(const Canvas& canvas, float caption_size, float cue_size, bool touch_cue, float shift_y) {
  ChromeLayout l;
  l.bottom = canvas.height - canvas.margin() + shift_y;
  float cue_h = touch_cue ? canvas.px(96) : 0;
  l.source_y = l.bottom - caption_size * 1.2f;
  if (canvas.portrait) l.source_y -= cue_h + canvas.px(24);
  l.dots_y = l.source_y - canvas.px(40);
  l.cue_top = touch_cue ? l.bottom - canvas.px(44) - cue_size * 0.9f : l.bottom;
  return l;
}

}  // namespace

std::string ui_text(const UiStrings& strings, content::UiKey key, text::Lang lang) {
  auto it = strings.find(std::string(content::ui_key_name(key)));
  return it == strings.end() ? std::string() : text::pick(it->second, lang);
}

void AttractView::draw(ImDrawList* list, const Canvas& canvas, const AttractFrame& frame) const {
  list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
  float t = static_cast<float>(text::ease_in_out_cubic(frame.transition));
  float drift = canvas.px(kDriftReference);
  if (frame.previous && t < 1)
    draw_slide(list, canvas, *frame.previous, frame, 1 - t, -drift * t, frame.previous_time_in_slide);
  if (frame.current) draw_slide(list, canvas, *frame.current, frame, t, drift * (1 - t), frame.time_in_slide);
  draw_chrome(list, canvas, frame);
}

void AttractView::draw_label(ImDrawList* list, const Canvas& canvas, const content::Category& category, text::Lang lang,
                             float alpha, ImVec2 at) const {
  uint32_t accent = colour::from_hex(category.accent, colour::gold);
  list->AddRectFilled(ImVec2(at.x, at.y + canvas.px(6)), ImVec2(at.x + canvas.px(48), at.y + canvas.px(12)),
                      colour::with_alpha(accent, alpha));
  auto label = style(fonts_, Role::Caption, accent, alpha);
  draw_text_line(list, label, ImVec2(at.x, at.y + canvas.px(28)), text::pick(category.title, lang));
}

void AttractView::draw_slide(ImDrawList* list, const Canvas& canvas, const SlideContent& slide,
                             const AttractFrame& frame, float alpha, float offset, double time_in_slide) const {
  ImVec2 shift = frame.slide_transition ? ImVec2(offset * 3, 0) : ImVec2(0, offset);
  if (slide.item.kind == content::ItemKind::Landmark) return draw_landmark(list, canvas, slide, frame, alpha, shift);
  if (controller::attract_shows_picture(slide.item)) return draw_project(list, canvas, slide, frame, alpha, shift);

  float m = canvas.margin();
  draw_label(list, canvas, slide.category, frame.lang, alpha, ImVec2(m + shift.x, m + shift.y));
  float width = column_width(canvas);
  float top = canvas.portrait ? canvas.px(560) : canvas.px(250);
  ImVec2 origin(m + shift.x, top + shift.y);
  if (slide.item.figure) {
    // Composed with type alone: the figure, its title and context set against a rule in
    // the category's accent, which runs the height of the block. No emblem stands in for
    // a picture: the number is the picture.
    uint32_t accent = colour::from_hex(slide.category.accent, colour::gold);
    float indent = canvas.px(56);
    float bottom = draw_figure(list, canvas, slide, frame, alpha, ImVec2(origin.x + indent, origin.y), width - indent,
                               time_in_slide);
    list->AddRectFilled(ImVec2(origin.x, origin.y + canvas.px(24)), ImVec2(origin.x + canvas.px(8), bottom),
                        colour::with_alpha(accent, alpha));
    return;
  }
  auto title = style(fonts_, Role::Title, colour::text, alpha, 1.25f);
  float y = origin.y + draw_text_block(list, title, text::pick(slide.item.title, frame.lang), origin, width, 3);
  auto body = style(fonts_, Role::Body, colour::muted, alpha);
  draw_text_block(list, body, text::pick(slide.item.summary, frame.lang), ImVec2(origin.x, y + canvas.px(24)), width,
                  4);
}

float AttractView::draw_figure(ImDrawList* list, const Canvas& canvas, const SlideContent& slide,
                               const AttractFrame& frame, float alpha, ImVec2 origin, float width,
                               double time_in_slide) const {
  const auto& figure = *slide.item.figure;
  FigureLook look;
  look.colour = colour::gold;
  look.alpha = alpha;
  look.reveal = text::ease_out_cubic(time_in_slide / controller::kFigureRevealSeconds);
  look.rule = true;
  const std::string& display = frame.lang == text::Lang::Zh ? figure.display_zh : figure.display_en;
  float y = origin.y + draw_figure_display(list, fonts_, display, origin, width, canvas.px(12), look);
  y += canvas.px(32);
  auto title = style(fonts_, Role::Title, colour::text, alpha, 1.25f);
  y += draw_text_block(list, title, text::pick(slide.item.title, frame.lang), ImVec2(origin.x, y), width, 2);
  y += canvas.px(16);
  auto body = style(fonts_, Role::Body, colour::muted, alpha);
  return y + draw_text_block(list, body, text::pick(slide.item.summary, frame.lang), ImVec2(origin.x, y), width, 3);
}

void AttractView::draw_landmark(ImDrawList* list, const Canvas& canvas, const SlideContent& slide,
                                const AttractFrame& frame, float alpha, ImVec2 shift) const {
  // Full bleed with a slow zoom toward the subject.
  float zoom = 1.0f + kZoomPerSecond * static_cast<float>(std::min(frame.slow_time, 12.0));
  Rect full{ImVec2(shift.x, 0), ImVec2(canvas.width + shift.x, canvas.height)};
  draw_picture(list, images_, slide.item.image_id, full, 0, canvas.scale, zoom, alpha);

  float m = canvas.margin();
  float width = column_width(canvas);
  float bottom = canvas.height - canvas.px(canvas.portrait ? 330 : 250) + shift.y;
  auto body = style(fonts_, Role::Body, colour::text, alpha);
  auto title = style(fonts_, Role::Title, colour::text, alpha, 1.2f);
  const std::string& title_text = text::pick(slide.item.title, frame.lang);
  const std::string& summary = text::pick(slide.item.summary, frame.lang);
  float body_h = measure_text_block(body, summary, width, 2);
  float title_h = measure_text_block(title, title_text, width, 2);
  float y = bottom - body_h - title_h - canvas.px(12);
  draw_veils(list, canvas, slide, frame, alpha, full, y);

  draw_label(list, canvas, slide.category, frame.lang, alpha, ImVec2(m + shift.x, m + shift.y));
  y += draw_text_block(list, title, title_text, ImVec2(m + shift.x, y), width, 2);
  draw_text_block(list, body, summary, ImVec2(m + shift.x, y + canvas.px(12)), width, 2);
}

void AttractView::draw_veils(ImDrawList* list, const Canvas& canvas, const SlideContent& slide,
                             const AttractFrame& frame, float alpha, const Rect& full, float text_top) const {
  // The words stand on the picture's own dusk (kiosk/ui/scrim.h). The veils follow the words,
  // so that a longer title lifts its veil rather than running out of it.
  float m = canvas.margin();
  auto chrome = chrome_layout(canvas, fonts_.size(Role::Caption), fonts_.size(Role::Heading), frame.show_touch_cue,
                              frame.chrome_shift.y);
  float chrome_top = chrome.top() - canvas.px(32);
  // One veil across the whole width, solid from just above the title to the foot (where the
  // dots, the source and the touch cue stand too), dissolving upward over a storey or two: a
  // lower third. A veil only as wide as the words, fading to the right over a band along the
  // foot, left a smudge of dusk on the building where the two overlapped (the first-time
  // visitor review of Jinwan Plaza, 泰安道5号 and the Garden Building).
  float solid_top = std::min(text_top - canvas.px(canvas.portrait ? 56 : 40), chrome_top);
  draw_scrim(list, {ImVec2(full.min.x, solid_top), full.max}, {0, canvas.px(canvas.portrait ? 440 : 220), 0, 0},
             colour::bg, alpha);
  // The category label at the top left, on a corner of dusk of its own.
  auto label = style(fonts_, Role::Caption, colour::text, alpha);
  float label_w = text_width(label, text::pick(slide.category.title, frame.lang));
  draw_scrim(list, {full.min, ImVec2(m + label_w + canvas.px(48), m + canvas.px(28) + label.size + canvas.px(24))},
             {0, 0, canvas.px(400), canvas.px(260)}, colour::bg, alpha);
}

void AttractView::draw_project(ImDrawList* list, const Canvas& canvas, const SlideContent& slide,
                               const AttractFrame& frame, float alpha, ImVec2 shift) const {
  float m = canvas.margin();
  Rect picture =
      canvas.portrait
          ? Rect{ImVec2(m, canvas.px(400)), ImVec2(canvas.width - m, canvas.px(400) + (canvas.width - 2 * m) * 0.75f)}
          : Rect{ImVec2(canvas.px(880), m), ImVec2(canvas.width - m, canvas.height - canvas.px(200))};
  picture.min.x += shift.x;
  picture.max.x += shift.x;
  picture.min.y += shift.y;
  picture.max.y += shift.y;
  draw_picture(list, images_, slide.item.image_id, picture, canvas.px(24), canvas.scale, 1, alpha);
  draw_label(list, canvas, slide.category, frame.lang, alpha, ImVec2(m + shift.x, m + shift.y));
  float width = canvas.portrait ? canvas.width - 2 * m : canvas.px(880) - m - canvas.px(64);
  float y = (canvas.portrait ? picture.max.y + canvas.px(64) : canvas.px(300)) + (canvas.portrait ? 0 : shift.y);
  auto title = style(fonts_, Role::Title, colour::text, alpha, 1.2f);
  y += draw_text_block(list, title, text::pick(slide.item.title, frame.lang), ImVec2(m + shift.x, y), width, 3);
  auto body = style(fonts_, Role::Body, colour::muted, alpha);
  draw_text_block(list, body, text::pick(slide.item.summary, frame.lang), ImVec2(m + shift.x, y + canvas.px(24)), width,
                  5);
}

ImVec2 burn_in_shift(int minute_of_day, float scale) {
  static const ImVec2 steps[] = {{0, 0}, {1, 1}, {2, 0}, {1, -1}};
  ImVec2 step = steps[(minute_of_day / 5) % 4];
  return ImVec2(std::round(step.x * scale), std::round(step.y * scale));
}

void AttractView::draw_chrome(ImDrawList* list, const Canvas& canvas, const AttractFrame& frame) const {
  float m = canvas.margin() + frame.chrome_shift.x;
  const auto lang = frame.lang;
  auto caption = style(fonts_, Role::Caption, colour::muted, 1);
  std::string source = ui(content::UiKey::source_label, lang) + (lang == text::Lang::Zh ? "：" : ": ") +
                       ui(content::UiKey::source_document, lang);
  // Landscape: source and progress on the left, touch cue on the right. Portrait: stacked.
  auto layout =
      chrome_layout(canvas, caption.size, fonts_.size(Role::Heading), frame.show_touch_cue, frame.chrome_shift.y);
  float bottom = layout.bottom;
  float source_y = layout.source_y;
  float source_width = canvas.portrait ? canvas.width - 2 * m : canvas.px(1100);
  draw_text_block(list, caption, source, ImVec2(m, source_y - caption.size * 0.25f), source_width, 1);

  // Progress cue: one dot per slide, the current one long and gold. Static within a slide.
  if (frame.count > 1) {
    float dot = canvas.px(10), spacing = canvas.px(22), current_w = canvas.px(36);
    float y = layout.dots_y;
    float x = m;
    log_furniture({ImVec2(x, y), ImVec2(x + current_w + static_cast<float>(frame.count - 1) * spacing, y + dot)},
                  "progress dots");
    for (size_t i = 0; i < frame.count; ++i) {
      bool current = i == frame.position;
      float w = current ? current_w : dot;
      list->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + dot),
                          current ? colour::gold : colour::with_alpha(colour::muted, 0.35f), dot * 0.5f);
      if (current) log_mark({ImVec2(x, y), ImVec2(x + w, y + dot)}, colour::gold, "current progress dot");
      x += w + (spacing - dot);
    }
  }

  if (!frame.show_touch_cue) return;
  // Touch cue: a ring that breathes slowly, and the invitation in both languages.
  auto cue_zh = style(fonts_, Role::Heading, colour::text, 1);
  auto cue_en = style(fonts_, Role::Caption, colour::haitang, 1);
  std::string zh = ui(content::UiKey::touch_cue, text::Lang::Zh), en = ui(content::UiKey::touch_cue, text::Lang::En);
  float text_w = std::max(text_width(cue_zh, zh), text_width(cue_en, en));
  float ring_r = canvas.px(30);
  float block_w = text_w + canvas.px(28) + 2 * ring_r;
  float left = (canvas.portrait ? (canvas.width - block_w) * 0.5f : canvas.width - canvas.margin() - block_w) +
               frame.chrome_shift.x;
  float centre_y = bottom - canvas.px(44);
  ImVec2 centre(left + ring_r, centre_y);
  float breathe = static_cast<float>(0.5 + 0.5 * std::sin(frame.pulse * 2.0 * 3.14159265 / 2.4));
  list->AddCircle(centre, ring_r * (1 + 0.18f * breathe), colour::with_alpha(colour::haitang, 0.9f - 0.5f * breathe),
                  48, canvas.px(3));
  list->AddCircleFilled(centre, ring_r * 0.42f, colour::haitang, 32);
  log_mark({ImVec2(centre.x - ring_r * 0.42f, centre.y - ring_r * 0.42f),
            ImVec2(centre.x + ring_r * 0.42f, centre.y + ring_r * 0.42f)},
           colour::haitang, "touch cue's heart");
  float text_x = left + 2 * ring_r + canvas.px(28);
  draw_text_line(list, cue_zh, ImVec2(text_x, centre_y - cue_zh.size * 0.9f), zh);
  draw_text_line(list, cue_en, ImVec2(text_x, centre_y + canvas.px(12)), en);
  log_furniture({ImVec2(centre.x - ring_r * 1.2f, centre.y - ring_r * 1.2f),
                 ImVec2(centre.x + ring_r * 1.2f, centre.y + ring_r * 1.2f)},
                "touch ring");
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
