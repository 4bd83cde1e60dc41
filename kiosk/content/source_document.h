#pragma once
// The document a bundle's content is drawn from, as the bundle carries it: the file byte
// for byte, and the line range that is the report (the rest is the web page that
// reproduced it: its menu, disclaimer, address and comment form).

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/content/model.h"

namespace kiosk::content {

struct SourceDocument {
  std::string text;    // the whole file
  std::string sha256;  // of `text`, as recorded where the document was named
  int first_line = 0;  // 1-based, inclusive: the report's first and last line
  int last_line = 0;
};

// The file's lines, without their '\n'.
std::vector<std::string_view> lines_of(std::string_view text);

// Why the line range does not fit the text (out of range, reversed, an empty first or
// last line), or empty when it does.
std::string line_range_problem(const SourceDocument& document);

// Lines first_line..last_line, joined by '\n' exactly as in the file.
std::string report_text(const SourceDocument& document);

// The report split into sections at its headings: a line of Chinese numerals and '、'
// with no full stop starts a part (一、2024年工作回顾); a paragraph opening with a
// numeral in brackets starts a subsection ((一)...), titled by its first sentence (its
// full stop dropped) and holding the rest of that paragraph, so that the heading is not
// read twice. Paragraphs after a part's last subsection are the part's closing, a
// section of its own; those between two subsections stay with the first. Paragraphs are
// the non-empty lines, their indent removed, except in the opening's title block (its
// lines before the first with a sentence mark), where the dateline the source broke over
// two lines is one paragraph again.
ReportSource report_sections(const SourceDocument& document);

// The sections as the kiosk's reader shows them: every title and paragraph with its ASCII
// marks in their full-width form (text::full_width_marks), nothing else changed. The font
// bake and the subset read the same, so every character shown is in the atlas.
ReportSource shown_report(const SourceDocument& document);

// Every paragraph of the report whole, as the reader shows it (indent removed, marks
// full-width), a subsection's heading line with its text: what an item's 原文 may be.
std::vector<std::string> shown_paragraphs(const SourceDocument& document);

}  // namespace kiosk::content
