#include "kiosk/ui/text_painter.h"

#include "kiosk/text/line_break.h"
#include "kiosk/text/marks.h"
#include "kiosk/text/utf8.h"

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

}  // namespace

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
  for (const auto& line : lines) {
    float width = line.width + (line.ellipsis ? text_width(style, "…") : 0);
    float x = pos.x;
    if (align == Align::Centre) x += (max_width - width) * 0.5f;
    if (align == Align::Right) x += max_width - width;
    list->AddText(style.font, style.size, ImVec2(x, y), style.colour, base + line.begin, base + line.end);
    if (line.ellipsis) list->AddText(style.font, style.size, ImVec2(x + line.width, y), style.colour, "…");
    y += advance;
  }
  return static_cast<float>(lines.size()) * advance;
}

}  // namespace kiosk::ui
