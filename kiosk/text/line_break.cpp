#include "kiosk/text/line_break.h"

#include "kiosk/text/break_rules.h"

namespace kiosk::text {
namespace {

constexpr char32_t kEllipsis = U'\u2026';

using detail::Break;
using detail::CodePoint;
using detail::is_non_starter;
using detail::is_opener;
using detail::is_space;

bool opens_line(Break b) {
  return b == Break::Allowed || b == Break::Hard;
}

class Filler {
 public:
  Filler(std::string_view text, const std::vector<CodePoint>& cps, const std::vector<bool>& words,
         const std::vector<int>& tail, const Advance& advance, const LayoutOptions& options)
      : text_(text), cps_(cps), words_(words), tail_(tail), advance_(advance), options_(options) {}

  std::vector<Line> run(const std::vector<Break>& breaks) {
    size_t line_start = 0;
    size_t i = 0;
    while (i < cps_.size()) {
      size_t segment_end = i + 1;
      while (segment_end < cps_.size() && !opens_line(breaks[segment_end])) ++segment_end;
      size_t visible_end = trimmed_end(i, segment_end);
      if (i > line_start && width(line_start, visible_end) > options_.max_width) {
        if (!emit(line_start, i)) return lines_;
        line_start = i;
      }
      // One unbreakable run wider than a whole line: split it where a rule alone forbade
      // a break, else between glyphs.
      while (width(line_start, visible_end) > options_.max_width && visible_end - line_start > 1) {
        size_t end = forced_end(breaks, line_start, visible_end);
        if (!emit(line_start, end)) return lines_;
        line_start = end;
      }
      i = segment_end;
      if (i < cps_.size() && breaks[i] == Break::Hard) {
        if (!emit(line_start, i)) return lines_;
        line_start = i;
      }
    }
    if (line_start < cps_.size() || lines_.empty()) emit(line_start, cps_.size());
    return lines_;
  }

 private:
  // Where a line holding part of the run [from, to) that is wider than a line ends.
  size_t forced_end(const std::vector<Break>& breaks, size_t from, size_t to) const {
    size_t end = from + 1;
    while (end < to && width(from, end + 1) <= options_.max_width) ++end;
    auto fits = [&](size_t at) { return width(from, trimmed_end(from, at)) <= options_.max_width; };
    // Best where only a rule forbade a break, else between words, else between any glyphs;
    // never leaving one character for the paragraph's last line, nor 。，」 at a line's
    // start or 「（ at its end.
    for (size_t at = end; at > from + 1; --at)
      if (breaks[at] == Break::Fallback && tail_[at] >= 2 && fits(at)) return at;
    for (size_t at = end; at > from + 1; --at)
      if (words_[at] && tail_[at] >= 2 && !is_non_starter(cps_[at].value) && !is_opener(cps_[at - 1].value)) return at;
    size_t best = end;
    while (best > from + 1 && (is_non_starter(cps_[best].value) || is_opener(cps_[best - 1].value) || tail_[best] < 2))
      --best;
    if (best > from + 1 || !is_non_starter(cps_[best].value)) end = best;
    return end;
  }

  size_t trimmed_end(size_t from, size_t to) const {
    while (to > from && is_space(cps_[to - 1].value)) --to;
    return to;
  }

  float width(size_t from, size_t to) const {
    float w = 0;
    for (size_t i = from; i < to; ++i) w += advance_(cps_[i].value);
    return w;
  }

  size_t byte_at(size_t i) const { return i < cps_.size() ? cps_[i].byte : text_.size(); }

  bool limit_reached() const { return options_.max_lines > 0 && static_cast<int>(lines_.size()) >= options_.max_lines; }

  // Adds the line [from, to); returns false when the line limit has been reached.
  bool emit(size_t from, size_t to) {
    while (from < to && is_space(cps_[from].value) && cps_[from].value != U'\u3000') ++from;
    size_t end = trimmed_end(from, to);
    bool more_follows = to < cps_.size();
    if (options_.max_lines > 0 && static_cast<int>(lines_.size()) + 1 == options_.max_lines && more_follows) {
      float room = options_.max_width - advance_(kEllipsis);
      while (end > from && width(from, end) > room) --end;
      end = trimmed_end(from, end);
      lines_.push_back({byte_at(from), byte_at(end), width(from, end), true});
      return false;
    }
    lines_.push_back({byte_at(from), byte_at(end), width(from, end), false});
    return !limit_reached();
  }

  std::string_view text_;
  const std::vector<CodePoint>& cps_;
  const std::vector<bool>& words_;
  const std::vector<int>& tail_;  // characters from each code point to the end of its paragraph
  const Advance& advance_;
  const LayoutOptions& options_;
  std::vector<Line> lines_;
};

}  // namespace

std::vector<size_t> icu_break_offsets(std::string_view text) {
  auto cps = detail::decode_with_offsets(text);
  auto breaks = detail::icu_breaks(cps);
  std::vector<size_t> out;
  for (size_t i = 1; i < cps.size(); ++i)
    if (breaks[i] != Break::None) out.push_back(cps[i].byte);
  return out;
}

std::vector<Line> break_lines(std::string_view text, const Advance& advance, const LayoutOptions& options) {
  auto cps = detail::decode_with_offsets(text);
  if (cps.empty()) return {Line{}};
  auto breaks = detail::icu_breaks(cps);
  detail::break_around_chinese_quotes(cps, breaks);
  auto words = detail::word_boundaries(cps);
  detail::keep_words_whole(words, breaks);
  detail::keep_figures_whole(cps, breaks);
  detail::keep_phrases(text, cps, options.keep_together, breaks);
  detail::keep_titles_and_short_quotes(cps, breaks);
  auto tail = detail::characters_to_paragraph_end(cps, breaks);
  detail::keep_widows_off(tail, breaks);
  return Filler(text, cps, words, tail, advance, options).run(breaks);
}

}  // namespace kiosk::text
