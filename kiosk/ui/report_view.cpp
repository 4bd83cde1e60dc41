// The report's full text: its sections as a list (beside the text in landscape, above it
// in portrait) and the chosen section's paragraphs in pages, with the arrows, the page
// counter and the swipe hint under them. The text is the report's own, in Chinese
// whatever the language; where each part goes is report_layout's.

#include <algorithm>
#include <string_view>
#include <vector>

#include "kiosk/ui/report_layout.h"
#include "kiosk/ui/view_context.h"

namespace kiosk::ui {
namespace {

// One laid-out line of a page: its text, whether a paragraph starts with it, and whether
// it is centred (the report's title block).
struct PageLine {
  std::string_view text;
  bool paragraph_start = false;
  bool centred = false;
};

// The section's paragraphs broken into lines and the lines into pages of `height`; a
// paragraph opens with half a line of space, except at the top of a page.
std::vector<std::vector<PageLine>> paginate(const TextStyle& body, const content::ReportSection& section, float width,
                                            float height) {
  float line_h = body.size * body.line_spacing, gap = line_h * 0.5f;
  static const std::vector<std::string> no_phrases;
  std::vector<std::vector<PageLine>> pages(1);
  float y = 0;
  for (size_t p = 0; p < section.paragraphs.size(); ++p) {
    bool first = true, centred = p < section.title_block;
    const auto& paragraph = section.paragraphs[p];
    for (auto line : wrap_lines(body, paragraph, width, centred ? section.title_phrases : no_phrases)) {
      float need = line_h + (first && !pages.back().empty() ? gap : 0);
      if (y + need > height && !pages.back().empty()) {
        pages.emplace_back();
        y = 0;
        need = line_h;
      }
      pages.back().push_back({line, first, centred});
      y += need;
      first = false;
    }
  }
  return pages;
}

void draw_page(const ViewContext& ctx, const TextStyle& body, const std::vector<PageLine>& lines, const Rect& area) {
  float line_h = body.size * body.line_spacing;
  float y = area.min.y + (line_h - body.size) * 0.5f;
  bool first_line = true;
  for (const auto& line : lines) {
    if (line.paragraph_start && !first_line) y += line_h * 0.5f;
    float x = area.min.x + (line.centred ? (area.width() - text_width(body, line.text)) * 0.5f : 0);
    draw_text_line(ctx.list(), body, ImVec2(x, y), line.text);
    y += line_h;
    first_line = false;
  }
}

// The section index: one button each, the chosen one filled and marked in gold.
void draw_index(const ViewContext& ctx, const ReaderStyles& styles, const std::vector<IndexEntry>& entries,
                const ReaderLayout& layout, size_t chosen) {
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& row = layout.index[i];
    bool selected = i == chosen, pressed = ctx.w.pressed(row.rect);
    Rect shown = pressed_rect(row.rect, pressed);
    ctx.list()->AddRectFilled(shown.min, shown.max, selected || pressed ? colour::surface_pressed : colour::surface,
                              ctx.px(12));
    if (selected)
      ctx.list()->AddRectFilled(shown.min, ImVec2(shown.min.x + ctx.px(6), shown.max.y), colour::gold, ctx.px(12),
                                ImDrawFlags_RoundCornersLeft);
    auto style = styles.index;
    style.colour = selected ? colour::gold : colour::text;
    ImVec2 at(row.label_at.x, row.label_at.y + (shown.centre().y - row.rect.centre().y));
    draw_text_block(ctx.list(), style, entries[i].label, at, row.label_width, row.lines);
    ctx.w.hit(row.rect, controller::ReportSection{i});
  }
}

}  // namespace

int draw_report(const ViewContext& ctx, size_t section, int page) {
  using content::UiKey;
  draw_top_bar(ctx, true, true);
  const auto& sections = ctx.content.report_sections();
  if (sections.empty()) return 1;
  section = std::min(section, sections.size() - 1);
  auto styles = reader_styles(ctx.fonts());
  auto entries = index_entries(sections, ctx.strings, ctx.lang);
  std::string title = ctx.ui(UiKey::report_title), note = ctx.ui(UiKey::report_in_chinese);
  auto layout = lay_out_reader(styles, ctx.canvas(), title, note, entries);

  draw_text_block(ctx.list(), styles.heading, title, layout.heading_at, layout.heading_width, 1);
  draw_text_block(ctx.list(), styles.note, note, layout.note_at, layout.note_width, 1);
  draw_index(ctx, styles, entries, layout, section);

  const Rect& area = layout.text;
  float y = area.min.y + draw_text_block(ctx.list(), styles.title, entries[section].label, area.min, area.width(), 2) +
            ctx.px(16);
  auto pages = paginate(styles.body, sections[section], area.width(), area.max.y - y);
  int count = static_cast<int>(pages.size());
  page = std::clamp(page, 0, count - 1);
  draw_page(ctx, styles.body, pages[static_cast<size_t>(page)], {ImVec2(area.min.x, y), area.max});

  PageFoot foot{(area.min.x + area.max.x) * 0.5f, layout.foot_y,
                std::to_string(page + 1) + " / " + std::to_string(count), std::nullopt, std::nullopt};
  if (section > 0 || page > 0) foot.back = controller::TurnPage{-1};
  if (section + 1 < sections.size() || page + 1 < count) foot.forward = controller::TurnPage{+1};
  draw_page_foot(ctx, foot);
  return count;
}

}  // namespace kiosk::ui
