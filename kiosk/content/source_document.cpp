#include "kiosk/content/source_document.h"

#include "kiosk/text/marks.h"

namespace kiosk::content {
namespace {

constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// The length of the run of Chinese numerals at the start of `text`.
size_t numerals_at(std::string_view text) {
  size_t at = 0;
  for (bool more = true; more;) {
    more = false;
    for (auto numeral : kNumerals)
      if (text.substr(at, numeral.size()) == numeral) {
        at += numeral.size();
        more = true;
        break;
      }
  }
  return at;
}

// Leading ASCII spaces and ideographic spaces (U+3000): the paragraph indent.
std::string_view without_indent(std::string_view line) {
  for (;;) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t'))
      line.remove_prefix(1);
    else if (line.substr(0, 3) == "\u3000")
      line.remove_prefix(3);
    else
      return line;
  }
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "一、2024年工作回顾" but not "一、...。" (a numbered sentence, not a heading).
bool is_part_heading(std::string_view p) {
  size_t n = numerals_at(p);
  return n > 0 && starts_with(p.substr(n), "、") && p.find("。") == std::string_view::npos;
}

// "(一)全力以赴强产业..." with ASCII or full-width brackets.
bool is_subsection(std::string_view p) {
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (!starts_with(p, open)) continue;
    size_t n = numerals_at(p.substr(open.size()));
    if (n > 0 && starts_with(p.substr(open.size() + n), close)) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      if (start < text.size()) lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string line_range_problem(const SourceDocument& d) {
  auto lines = lines_of(d.text);
  const int count = static_cast<int>(lines.size());
  if (d.first_line < 1 || d.first_line > count)
    return "first_line " + std::to_string(d.first_line) + " is not a line of the file (it has " +
           std::to_string(count) + ")";
  if (d.last_line < d.first_line || d.last_line > count)
    return "last_line " + std::to_string(d.last_line) + " must be between first_line (" + std::to_string(d.first_line) +
           ") and the file's last line (" + std::to_string(count) + ")";
  if (without_indent(lines[static_cast<size_t>(d.first_line - 1)]).empty())
    return "first_line " + std::to_string(d.first_line) + " is an empty line; name the report's first line of text";
  if (without_indent(lines[static_cast<size_t>(d.last_line - 1)]).empty())
    return "last_line " + std::to_string(d.last_line) + " is an empty line; name the report's last line of text";
  return {};
}

std::string report_text(const SourceDocument& d) {
  auto lines = lines_of(d.text);
  std::string out;
  for (int n = std::max(d.first_line, 1); n <= d.last_line && n <= static_cast<int>(lines.size()); ++n) {
    if (n > d.first_line) out += '\n';
    out += lines[static_cast<size_t>(n - 1)];
  }
  return out;
}

ReportSource report_sections(const SourceDocument& d) {
  ReportSource source{d.sha256, {}};
  source.sections.push_back({"", 0, {}});
  auto lines = lines_of(d.text);
  for (int n = std::max(d.first_line, 1); n <= d.last_line && n <= static_cast<int>(lines.size()); ++n) {
    std::string_view p = without_indent(lines[static_cast<size_t>(n - 1)]);
    if (p.empty()) continue;
    if (is_part_heading(p)) {
      source.sections.push_back({std::string(p), 1, {}});
      continue;
    }
    if (is_subsection(p)) source.sections.push_back({std::string(p.substr(0, p.find("。"))), 2, {}});
    source.sections.back().paragraphs.emplace_back(p);
  }
  if (source.sections.front().paragraphs.empty()) source.sections.erase(source.sections.begin());
  return source;
}

ReportSource shown_report(const SourceDocument& document) {
  ReportSource source = report_sections(document);
  for (auto& section : source.sections) {
    section.title = text::full_width_marks(section.title);
    for (auto& paragraph : section.paragraphs) paragraph = text::full_width_marks(paragraph);
  }
  return source;
}

}  // namespace kiosk::content
