// The report's full text: its sections as a list (beside the text in landscape, above it
// in portrait) and the chosen section's paragraphs in pages, with the arrows and the page
// counter under them. The text is the report's own, in Chinese whatever the language.

#include <algorithm>
#include <string_view>
#include <vector>

#include "kiosk/ui/icons.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {

// One laid-out line of a page: its text, and whether a paragraph starts with it.
struct PageLine {
  std::string_view text;
  bool paragraph_start = false;
};

using Kind = content::ReportSection::Kind;

// The opening and a closing have no heading of their own.
std::string section_title(const ViewContext& ctx, const content::ReportSection& s) {
  if (s.kind == Kind::Opening) return ctx.ui(content::UiKey::report_opening);
  if (s.kind == Kind::Closing) return ctx.ui(content::UiKey::report_closing);
  return s.title;
}

// The section's paragraphs broken into lines and the lines into pages of `height`; a
// paragraph opens with half a line of space, except at the top of a page.
std::vector<std::vector<PageLine>> paginate(const TextStyle& body, const content::ReportSection& section, float width,
                                            float height) {
  float line_h = body.size * body.line_spacing, gap = line_h * 0.5f;
  std::vector<std::vector<PageLine>> pages(1);
  float y = 0;
  for (const auto& paragraph : section.paragraphs) {
    bool first = true;
    for (auto line : wrap_lines(body, paragraph, width)) {
      float need = line_h + (first && !pages.back().empty() ? gap : 0);
      if (y + need > height && !pages.back().empty()) {
        pages.emplace_back();
        y = 0;
        need = line_h;
      }
      pages.back().push_back({line, first});
      y += need;
      first = false;
    }
  }
  return pages;
}

void arrow(const ViewContext& ctx, const Rect& r, const char* icon, bool enabled, int step) {
  if (enabled) ctx.w.round_button(r, icon, controller::TurnPage{step});
}

// The section list in `area`: one row each, the chosen one filled and marked in gold.
void draw_section_list(const ViewContext& ctx, const std::vector<content::ReportSection>& sections, size_t chosen,
                       const Rect& area, int columns, float max_row) {
  auto style = ctx.style(Role::Caption, colour::text, 1.3f);
  float gap = ctx.px(8);
  size_t rows = (sections.size() + static_cast<size_t>(columns) - 1) / static_cast<size_t>(columns);
  float col_w = (area.width() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float row_h = std::min(max_row, (area.height() - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
  float pad = ctx.px(20);
  for (size_t i = 0; i < sections.size(); ++i) {
    float x0 = area.min.x + static_cast<float>(i / rows) * (col_w + gap);
    float y0 = area.min.y + static_cast<float>(i % rows) * (row_h + gap);
    Rect r{ImVec2(x0, y0), ImVec2(x0 + col_w, y0 + row_h)};
    bool selected = i == chosen;
    Rect shown = pressed_rect(r, ctx.w.pressed(r));
    uint32_t fill = selected ? colour::surface_pressed : (ctx.w.pressed(r) ? colour::surface_pressed : colour::surface);
    ctx.list()->AddRectFilled(shown.min, shown.max, fill, ctx.px(12));
    if (selected)
      ctx.list()->AddRectFilled(shown.min, ImVec2(shown.min.x + ctx.px(6), shown.max.y), colour::gold, ctx.px(12),
                                ImDrawFlags_RoundCornersLeft);
    // Subsections sit under their part.
    float indent = sections[i].kind == Kind::Subsection || sections[i].kind == Kind::Closing ? ctx.px(24) : 0;
    auto s = style;
    s.colour = selected ? colour::gold : colour::text;
    // Two lines where the row has room for them (portrait's narrower columns), else one.
    float line_h = s.size * s.line_spacing, width = shown.width() - 2 * pad - indent;
    int lines = shown.height() >= 2 * line_h + ctx.px(12) ? 2 : 1;
    std::string title = section_title(ctx, sections[i]);
    float text_h = measure_text_block(s, title, width, lines);
    draw_text_block(ctx.list(), s, title, ImVec2(shown.min.x + pad + indent, shown.centre().y - text_h * 0.5f), width,
                    lines);
    ctx.w.hit(r, controller::ReportSection{i});
  }
}

}  // namespace

int draw_report(const ViewContext& ctx, size_t section, int page) {
  using content::UiKey;
  const auto& c = ctx.canvas();
  draw_top_bar(ctx, true, true);
  const auto& sections = ctx.content.report_sections();
  if (sections.empty()) return 1;
  section = std::min(section, sections.size() - 1);
  float m = c.margin();
  float top = top_bar_bottom(c) + ctx.px(32);

  // The heading, and what language the text is in.
  auto heading = ctx.style(Role::Heading, colour::text, 1.2f);
  float h = draw_text_block(ctx.list(), heading, ctx.ui(UiKey::report_title), ImVec2(m, top), c.width - 2 * m, 1);
  auto note = ctx.style(Role::Caption, colour::muted, 1.2f);
  float title_w = text_width(heading, ctx.ui(UiKey::report_title));
  draw_text_block(ctx.list(), note, ctx.ui(UiKey::report_in_chinese),
                  ImVec2(m + title_w + ctx.px(32), top + h - note.size * note.line_spacing - ctx.px(4)),
                  c.width - 2 * m - title_w - ctx.px(32), 1);
  top += h + ctx.px(32);

  // Under the text: the arrows and the page counter, clear of the last line.
  float size = ctx.px(kArrowButtonSize);
  float foot_y = c.height - ctx.px(48) - size;
  float bottom = foot_y - ctx.px(32);

  Rect text_area;
  if (c.portrait) {
    float row = ctx.px(96), gap = ctx.px(8);
    float rows = static_cast<float>((sections.size() + 1) / 2);
    float list_h = std::min(rows * row + (rows - 1) * gap, (bottom - top) * 0.4f);
    draw_section_list(ctx, sections, section, {ImVec2(m, top), ImVec2(c.width - m, top + list_h)}, 2, row);
    text_area = {ImVec2(m, top + list_h + ctx.px(48)), ImVec2(c.width - m, bottom)};
  } else {
    // The list runs down past the foot, which sits under the text alone.
    float list_w = ctx.px(600), gap = ctx.px(72);
    draw_section_list(ctx, sections, section, {ImVec2(m, top), ImVec2(m + list_w, c.height - ctx.px(48))}, 1,
                      ctx.px(72));
    text_area = {ImVec2(m + list_w + gap, top), ImVec2(c.width - m, bottom)};
  }

  const auto& s = sections[section];
  auto title = ctx.style(Role::Heading, colour::gold, 1.3f);
  float y = text_area.min.y;
  y += draw_text_block(ctx.list(), title, section_title(ctx, s), text_area.min, text_area.width(), 2) + ctx.px(16);
  auto body = ctx.style(Role::Body, colour::text, 1.6f);
  auto pages = paginate(body, s, text_area.width(), text_area.max.y - y);
  int count = static_cast<int>(pages.size());
  page = std::clamp(page, 0, count - 1);
  float line_h = body.size * body.line_spacing;
  float ly = y + (line_h - body.size) * 0.5f;
  bool first_line = true;
  for (const auto& line : pages[static_cast<size_t>(page)]) {
    if (line.paragraph_start && !first_line) ly += line_h * 0.5f;
    ctx.list()->AddText(body.font, body.size, ImVec2(text_area.min.x, ly), body.colour, line.text.data(),
                        line.text.data() + line.text.size());
    ly += line_h;
    first_line = false;
  }

  float centre_x = (text_area.min.x + text_area.max.x) * 0.5f;
  arrow(ctx, {ImVec2(centre_x - ctx.px(200) - size, foot_y), ImVec2(centre_x - ctx.px(200), foot_y + size)}, "left",
        section > 0 || page > 0, -1);
  arrow(ctx, {ImVec2(centre_x + ctx.px(200), foot_y), ImVec2(centre_x + ctx.px(200) + size, foot_y + size)}, "right",
        section + 1 < sections.size() || page + 1 < count, +1);
  auto label = ctx.style(Role::Label, colour::text, 1);
  std::string where = std::to_string(page + 1) + " / " + std::to_string(count);
  draw_text_block(ctx.list(), label, where, ImVec2(centre_x - ctx.px(180), foot_y + (size - label.size) * 0.5f),
                  ctx.px(360), 1, Align::Centre);
  return count;
}

}  // namespace kiosk::ui
