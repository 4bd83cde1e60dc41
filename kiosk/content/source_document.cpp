#include "kiosk/content/source_document.h"

#include <algorithm>

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

ReportSection section_of(ReportSection::Kind kind, std::string_view title = {}) {
  ReportSection section;
  section.kind = kind;
  section.title = title;
  return section;
}

// A subsection's heading is its first sentence, without the full stop; its text the rest.
std::string_view title_of(std::string_view p) {
  return p.substr(0, p.find("。"));
}

std::string_view body_of(std::string_view p) {
  size_t stop = p.find("。");
  return stop == std::string_view::npos ? std::string_view{} : without_indent(p.substr(stop + 3));
}

// The report's non-empty lines, their indent removed.
std::vector<std::string_view> report_paragraphs(const SourceDocument& d) {
  std::vector<std::string_view> out;
  auto lines = lines_of(d.text);
  for (int n = std::max(d.first_line, 1); n <= d.last_line && n <= static_cast<int>(lines.size()); ++n)
    if (auto p = without_indent(lines[static_cast<size_t>(n - 1)]); !p.empty()) out.push_back(p);
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// A line of the title block has no mark that ends or breaks a sentence (the salutation
// "各位代表:" after it has one).
bool is_title_line(std::string_view p) {
  for (std::string_view mark : {"。", "，", "：", "！", "？", ",", ":", "!", "?", ";", "；"})
    if (p.find(mark) != std::string_view::npos) return false;
  return true;
}

// The opening's paragraphs, the title block first. Its dateline ("——2025年1月8日在...
// 会议上") is one phrase the source broke over lines; it is joined up to the line that
// ends it with "上", and stays as it is when no line does.
void set_opening(ReportSection& opening, const std::vector<std::string_view>& lines) {
  size_t block = 0;
  while (block < lines.size() && is_title_line(lines[block])) ++block;
  for (size_t i = 0; i < lines.size(); ++i) {
    size_t end = i;
    if (i < block && starts_with(lines[i], "——"))
      while (end < block && !ends_with(lines[end], "上")) ++end;
    if (end == block) end = i;
    std::string paragraph;
    for (size_t j = i; j <= end; ++j) paragraph += lines[j];
    if (end > i) opening.title_phrases.insert(opening.title_phrases.end(), lines.begin() + i, lines.begin() + end + 1);
    opening.paragraphs.push_back(std::move(paragraph));
    if (i < block) ++opening.title_block;
    i = end;
  }
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
  using Kind = ReportSection::Kind;
  ReportSource source{d.sha256, {}};
  source.sections.push_back(section_of(Kind::Opening));
  // Paragraphs after a subsection: its own when another subsection follows, else the
  // part's closing.
  std::vector<std::string> after;
  auto settle = [&](bool part_ends) {
    if (after.empty()) return;
    if (part_ends) source.sections.push_back(section_of(Kind::Closing));
    auto& into = source.sections.back().paragraphs;
    into.insert(into.end(), after.begin(), after.end());
    after.clear();
  };
  std::vector<std::string_view> opening;
  for (auto p : report_paragraphs(d)) {
    Kind current = source.sections.back().kind;
    if (is_part_heading(p)) {
      settle(true);
      source.sections.push_back(section_of(Kind::Part, p));
    } else if (is_subsection(p)) {
      settle(false);
      source.sections.push_back(section_of(Kind::Subsection, title_of(p)));
      if (auto body = body_of(p); !body.empty()) source.sections.back().paragraphs.emplace_back(body);
    } else if (current == Kind::Subsection) {
      after.emplace_back(p);
    } else if (current == Kind::Opening) {
      opening.push_back(p);
    } else {
      source.sections.back().paragraphs.emplace_back(p);
    }
  }
  settle(true);
  set_opening(source.sections.front(), opening);
  if (source.sections.front().paragraphs.empty()) source.sections.erase(source.sections.begin());
  return source;
}

ReportSource shown_report(const SourceDocument& document) {
  ReportSource source = report_sections(document);
  for (auto& section : source.sections) {
    section.title = text::full_width_marks(section.title);
    for (auto& paragraph : section.paragraphs) paragraph = text::full_width_marks(paragraph);
    for (auto& phrase : section.title_phrases) phrase = text::full_width_marks(phrase);
  }
  return source;
}

std::vector<std::string> shown_paragraphs(const SourceDocument& document) {
  std::vector<std::string> out;
  for (auto paragraph : report_paragraphs(document)) out.push_back(text::full_width_marks(paragraph));
  return out;
}

}  // namespace kiosk::content
