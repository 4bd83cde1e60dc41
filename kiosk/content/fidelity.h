#pragma once
// Fidelity to the source document: every quote, summary and body sentence is the report's
// own text, every title is the report's own words, the English states no number the
// Chinese does not, every figure is worded as the report words it and lies inside its quote, its
// English states the same number, and no text carries the web page around the report.
// The builder runs it on the sources, validation on a bundle's stored content.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/content/model.h"
#include "kiosk/content/source_document.h"

namespace kiosk::content {

struct FidelityProblem {
  std::string field;    // the item's field as the sources name it: quote, summary_zh, figure.display ...
  std::string reason;   // what is wrong, quoting the offending text
  std::string nearest;  // the source's closest passage, "line 21: '...'"; empty when none is near
};

// How the sources name the figure after the lead at `index` (0-based): "more_figures[1]".
std::string more_figure_key(size_t index);

class FidelityCheck {
 public:
  explicit FidelityCheck(const SourceDocument& document);

  // Problems of one item's texts against the report.
  std::vector<FidelityProblem> check(const Item& item) const;

  // Web-page text that `text` carries: "'本站立场' (source line 53)", or empty. Web-page
  // text is, from the lines outside the report and not in the report itself: any four
  // Chinese characters in a row, a shorter run of them standing alone between marks or
  // spaces (验证码), and any eight ASCII characters in a row (the page's address).
  std::string wrapper_in(std::string_view text) const;

  bool in_report(std::string_view text) const;

  // The report's whole paragraph holding `quote` (source_document.h shown_paragraphs), or
  // empty when no one paragraph holds it: an item's 原文.
  std::string paragraph_of(std::string_view quote) const;

  // The report's sentence sharing the longest run of characters with `text`.
  std::string nearest_passage(std::string_view text) const;

  // Each full-width mark replaced by its ASCII twin (，：；！（）？); nothing else changes.
  static std::string normalise(std::string_view text);

 private:
  struct Sentence {
    int line;
    std::string text;
    std::vector<char32_t> normalised;
  };
  void check_english_numbers(std::vector<FidelityProblem>& out, const Item& item) const;
  void check_figure(std::vector<FidelityProblem>& out, const Item& item, const Figure& f, const std::string& key) const;
  void problem(std::vector<FidelityProblem>& out, std::string field, std::string reason, std::string_view near) const;
  std::string report_;  // normalised
  std::vector<Sentence> sentences_;
  std::unordered_map<std::string, int> wrapper_;                 // normalised web-page run -> its line
  std::vector<std::pair<std::string, std::string>> paragraphs_;  // normalised, as shown
};

}  // namespace kiosk::content
