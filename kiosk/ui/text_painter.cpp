#include "kiosk/ui/text_painter.h"

#include <algorithm>

#include "kiosk/text/line_break.h"
#include "kiosk/text/marks.h"
#include "kiosk/text/utf8.h"
#include "kiosk/ui/layout_log.h"

namespace kiosk::ui {
namespace {

// Widths as drawn: a text without Chinese in it draws its quotes narrow (text::latin_quotes).
text::Advance advance_of(const TextStyle& style, std::string_view text) {
  float ratio = style.size / style.font->FontSize;
  return [font = style.font, ratio, latin = !text::has_han(text)](char32_t c) {
    if (latin)
      for (const auto& q : text::kLatinQuotes)
        if (c == q.mark) c = q.narrow;
    return font->GetCharAdvance(c <= 0xFFFF ? static_cast<ImWchar>(c) : static_cast<ImWchar>(0xFFFD)) * ratio;
  };
}

// Lines are broken on the text itself, whose quotes the break rules know.
std::vector<text::Line> layout(const TextStyle& style, std::string_view text, float max_width, int max_lines,
                               const std::vector<std::string>& keep_together = {}) {
  text::LayoutOptions options;
  options.max_width = max_width;
  options.max_lines = max_lines;
  options.keep_together = keep_together;
  return text::break_lines(text, advance_of(style, text), options);
}

// Logs one drawn text box: its glyphs' extent, and the code points its font lacks.
void log_text(ImDrawList* list, const TextStyle& style, std::string_view drawn, Rect ink, bool ellipsised,
              bool over_width) {
  LayoutLog* log = layout_log();
  if (!log) return;
  LoggedText t;
  t.rect = ink;
  t.clip = {list->GetClipRectMin(), list->GetClipRectMax()};
  t.font = style.font;
  t.size = style.size;
  t.colour = style.colour;
  t.text = std::string(drawn);
  t.ellipsised = ellipsised;
  // Outside its card or tile, or the part not scrolled out of view off the canvas.
  const Rect* box = log->box();
  Rect checked = ink;
  if (!box) {
    checked.min.x = std::max(ink.min.x, t.clip.min.x), checked.min.y = std::max(ink.min.y, t.clip.min.y);
    checked.max.x = std::min(ink.max.x, t.clip.max.x), checked.max.y = std::min(ink.max.y, t.clip.max.y);
  }
  const Rect& bounds = box ? *box : log->canvas();
  bool seen = checked.min.x < checked.max.x && checked.min.y < checked.max.y;
  t.clipped = over_width || (seen && (checked.min.x < bounds.min.x - 0.5f || checked.min.y < bounds.min.y - 0.5f ||
                                      checked.max.x > bounds.max.x + 0.5f || checked.max.y > bounds.max.y + 0.5f));
  size_t pos = 0;
  while (pos < drawn.size()) {
    char32_t c = text::decode_next(drawn, pos);
    if (c == '\n') continue;
    if (c > 0xFFFF || !style.font->FindGlyphNoFallback(static_cast<ImWchar>(c))) t.fallback.push_back(c);
  }
  log->text(std::move(t));
}

}  // namespace

void draw_text_line(ImDrawList* list, const TextStyle& style, ImVec2 pos, std::string_view text) {
  const std::string drawn = text::latin_quotes(text);  // as draw_text_block draws them
  list->AddText(style.font, style.size, pos, style.colour, drawn.data(), drawn.data() + drawn.size());
  log_text(list, style, drawn, {pos, ImVec2(pos.x + text_width(style, text), pos.y + style.size)}, false, false);
}

float text_width(const TextStyle& style, std::string_view text) {
  auto advance = advance_of(style, text);
  float w = 0;
  size_t pos = 0;
  while (pos < text.size()) w += advance(text::decode_next(text, pos));
  return w;
}

std::vector<std::string_view> wrap_lines(const TextStyle& style, std::string_view text, float max_width,
                                         const std::vector<std::string>& keep_together) {
  std::vector<std::string_view> out;
  for (const auto& line : layout(style, text, max_width, 0, keep_together))
    out.push_back(text.substr(line.begin, line.end - line.begin));
  return out;
}

float measure_text_block(const TextStyle& style, std::string_view text, float max_width, int max_lines) {
  auto lines = layout(style, text, max_width, max_lines);
  return static_cast<float>(lines.size()) * style.size * style.line_spacing;
}

float draw_text_block(ImDrawList* list, const TextStyle& style, std::string_view text, ImVec2 pos, float max_width,
                      int max_lines, Align align) {
  auto lines = layout(style, text, max_width, max_lines);
  float advance = style.size * style.line_spacing;
  // Centre the glyphs in the line box so that line spacing opens evenly above and below.
  float y = pos.y + (advance - style.size) * 0.5f;
  const std::string drawn = text::latin_quotes(text);  // the same byte offsets as `text`
  const char* base = drawn.data();
  Rect ink{ImVec2(1e9f, y), ImVec2(-1e9f, y)};
  bool ellipsised = false, over_width = false;
  for (const auto& line : lines) {
    float width = line.width + (line.ellipsis ? text_width(style, "…") : 0);
    float x = pos.x;
    if (align == Align::Centre) x += (max_width - width) * 0.5f;
    if (align == Align::Right) x += max_width - width;
    list->AddText(style.font, style.size, ImVec2(x, y), style.colour, base + line.begin, base + line.end);
    if (line.ellipsis) list->AddText(style.font, style.size, ImVec2(x + line.width, y), style.colour, "…");
    ellipsised = ellipsised || line.ellipsis;
    over_width = over_width || width > max_width + 0.5f;  // a word wider than the box
    ink.min.x = std::min(ink.min.x, x);
    ink.max.x = std::max(ink.max.x, x + width);
    ink.max.y = y + style.size;
    y += advance;
  }
  if (!lines.empty()) log_text(list, style, drawn, ink, ellipsised, over_width);
  return static_cast<float>(lines.size()) * advance;
}

}  // namespace kiosk::ui
