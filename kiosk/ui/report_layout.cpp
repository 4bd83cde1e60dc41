#include "kiosk/ui/report_layout.h"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {

using Kind = content::ReportSection::Kind;

// Reference pixels. A row is at least a comfortable touch target, never under the
// 64 px minimum while the list fits; labels keep clear of the row's edges.
constexpr float kRowComfort = 72, kRowMinimum = 64;
constexpr float kPadX = 20, kPadY = 10, kIndent = 24;
constexpr float kPortraitGap = 8, kLandscapeGap = 6;
// Landscape: the list is at least this wide, and widens up to the second so that every
// label keeps to one line (larger text) before the rows must take two.
constexpr float kListWidth = 600, kListWidthMost = 760;
// Portrait: the list takes at most this share of the height between heading and foot.
constexpr float kPortraitListShare = 0.55f;

TextStyle face(const Fonts& fonts, Role role, uint32_t colour, float spacing) {
  return {fonts.get(role), fonts.size(role), colour, spacing};
}

int lines_of(const TextStyle& style, const std::string& text, float width) {
  return std::max(1, static_cast<int>(wrap_lines(style, text, width).size()));
}

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

// The index in `columns` columns filling `width` from `at`, its rows as tall as the
// longest label needs but together no taller than `most`. Returns the height used.
float lay_out_index(const ReaderStyles& s, const Canvas& c, const std::vector<IndexEntry>& entries, ImVec2 at,
                    float width, int columns, float gap, float most, ReaderLayout& out) {
  if (entries.empty()) return 0;
  size_t rows = (entries.size() + static_cast<size_t>(columns) - 1) / static_cast<size_t>(columns);
  float col_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float line_h = s.index.size * s.index.line_spacing, pad_x = c.px(kPadX), pad_y = c.px(kPadY);
  auto room = [&](const IndexEntry& e) { return col_w - 2 * pad_x - (e.indented ? c.px(kIndent) : 0); };
  int need = 1;
  for (const auto& e : entries) need = std::max(need, lines_of(s.index, e.label, room(e)));
  float fit = (most - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  float row_h = std::min(fit, std::max(static_cast<float>(need) * line_h + 2 * pad_y, c.px(kRowComfort)));
  // A line box already has air above and below its glyphs: half the padding may go.
  int holds = std::max(1, static_cast<int>(std::floor((row_h - pad_y) / line_h + 1e-3f)));
  if (row_h < c.px(kRowMinimum) - 0.5f)
    out.clipped.push_back("index: rows of " + std::to_string(static_cast<int>(row_h)) + " px, under the touch minimum");
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    float x0 = at.x + static_cast<float>(i / rows) * (col_w + gap);
    float y0 = at.y + static_cast<float>(i % rows) * (row_h + gap);
    IndexRow row;
    row.rect = {ImVec2(x0, y0), ImVec2(x0 + col_w, y0 + row_h)};
    row.label_width = room(e);
    int lines = lines_of(s.index, e.label, row.label_width);
    row.lines = std::min(lines, holds);
    if (lines > holds)
      out.clipped.push_back("index: " + quoted(e.label) + " needs " + std::to_string(lines) + " lines, its row holds " +
                            std::to_string(holds));
    float text_h = static_cast<float>(row.lines) * line_h;
    row.label_at = ImVec2(x0 + pad_x + (e.indented ? c.px(kIndent) : 0), y0 + (row_h - text_h) * 0.5f);
    out.index.push_back(row);
  }
  return static_cast<float>(rows) * row_h + gap * static_cast<float>(rows - 1);
}

// The landscape list: as wide as its longest one-line label, within its bounds.
float landscape_list_width(const ReaderStyles& s, const Canvas& c, const std::vector<IndexEntry>& entries) {
  float widest = 0;
  for (const auto& e : entries)
    widest = std::max(widest, text_width(s.index, e.label) + 2 * c.px(kPadX) + (e.indented ? c.px(kIndent) : 0));
  return std::clamp(std::ceil(widest) + 1, c.px(kListWidth), c.px(kListWidthMost));
}

void check_fits(const TextStyle& style, const std::string& what, const std::string& text, float width, int lines,
                ReaderLayout& out) {
  int need = lines_of(style, text, width);
  if (need > lines)
    out.clipped.push_back(what + ": " + quoted(text) + " needs " + std::to_string(need) + " lines, it has " +
                          std::to_string(lines));
}

}  // namespace

ReaderStyles reader_styles(const Fonts& fonts) {
  return {face(fonts, Role::Heading, colour::text, 1.2f), face(fonts, Role::Caption, colour::muted, 1.2f),
          face(fonts, Role::Caption, colour::text, 1.3f), face(fonts, Role::Heading, colour::gold, 1.3f),
          face(fonts, Role::Body, colour::text, 1.6f)};
}

std::vector<IndexEntry> index_entries(const std::vector<content::ReportSection>& sections, const UiStrings& strings,
                                      text::Lang lang) {
  std::vector<IndexEntry> entries;
  for (const auto& s : sections) {
    std::string label = s.title;
    if (s.kind == Kind::Opening) label = ui_text(strings, content::UiKey::report_opening, lang);
    if (s.kind == Kind::Closing) label = ui_text(strings, content::UiKey::report_closing, lang);
    entries.push_back({label, s.kind == Kind::Subsection || s.kind == Kind::Closing});
  }
  return entries;
}

ReaderLayout lay_out_reader(const ReaderStyles& s, const Canvas& c, const std::string& title, const std::string& note,
                            const std::vector<IndexEntry>& entries) {
  ReaderLayout out;
  float m = c.margin();
  float top = top_bar_bottom(c) + c.px(32);

  // The heading, and beside it what language the text is in.
  out.heading_at = ImVec2(m, top);
  out.heading_width = c.width - 2 * m;
  out.heading_height = s.heading.size * s.heading.line_spacing;
  check_fits(s.heading, "heading", title, out.heading_width, 1, out);
  float title_w = text_width(s.heading, title);
  out.note_at = ImVec2(m + title_w + c.px(32), top + out.heading_height - s.note.size * s.note.line_spacing - c.px(4));
  out.note_width = c.width - 2 * m - title_w - c.px(32);
  check_fits(s.note, "heading note", note, out.note_width, 1, out);
  top += out.heading_height + c.px(32);

  // Under the text: the arrows, the position and the swipe hint, clear of the last line.
  out.foot_y = c.height - c.px(56) - c.px(kArrowButtonSize);
  float bottom = out.foot_y - c.px(32);

  if (c.portrait) {
    float most = (bottom - top) * kPortraitListShare;
    float h = lay_out_index(s, c, entries, ImVec2(m, top), c.width - 2 * m, 2, c.px(kPortraitGap), most, out);
    out.text = {ImVec2(m, top + h + c.px(48)), ImVec2(c.width - m, bottom)};
  } else {
    // The list runs down past the foot, which sits under the text alone.
    float list_w = landscape_list_width(s, c, entries);
    lay_out_index(s, c, entries, ImVec2(m, top), list_w, 1, c.px(kLandscapeGap), c.height - c.px(48) - top, out);
    out.text = {ImVec2(m + list_w + c.px(72), top), ImVec2(c.width - m, bottom)};
  }
  for (const auto& e : entries) check_fits(s.title, "section heading", e.label, out.text.width(), 2, out);
  return out;
}

}  // namespace kiosk::ui
