#pragma once
// Where the reader's parts go on a canvas (report_view draws them there), and which of
// its texts would not fit: a label cut short, ending in "…", is named, so that a test can
// hold every language, orientation and text size to none.

#include <string>
#include <vector>

#include "kiosk/content/model.h"
#include "kiosk/text/lang.h"
#include "kiosk/ui/attract_view.h"
#include "kiosk/ui/text_painter.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

// The faces the reader draws with; the index's colour changes with the chosen section.
struct ReaderStyles {
  TextStyle heading, note, index, title, body;
};
ReaderStyles reader_styles(const Fonts& fonts);

// One button of the section index: its label, and whether it sits under its part.
struct IndexEntry {
  std::string label;
  bool indented = false;
};

// The sections' headings; the opening and a closing, which have none, by the interface's
// names for them.
std::vector<IndexEntry> index_entries(const std::vector<content::ReportSection>& sections, const UiStrings& strings,
                                      text::Lang lang);

struct IndexRow {
  Rect rect;
  ImVec2 label_at;  // the label's first line box
  float label_width = 0;
  int lines = 1;  // the lines drawn: all the label's unless it is clipped
};

struct ReaderLayout {
  ImVec2 heading_at, note_at;
  float heading_width = 0, note_width = 0, heading_height = 0;
  std::vector<IndexRow> index;  // one per entry, in order
  Rect text;                    // the section's heading and its page
  float foot_y = 0;             // the top of the page arrows
  // Each text that does not fit its place whole ("index: 'label' needs 3 lines, the row
  // holds 2"); empty when everything shows in full.
  std::vector<std::string> clipped;
};

ReaderLayout lay_out_reader(const ReaderStyles& styles, const Canvas& canvas, const std::string& title,
                            const std::string& note, const std::vector<IndexEntry>& entries);

}  // namespace kiosk::ui
