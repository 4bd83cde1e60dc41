#include "kiosk/text/line_break.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "kiosk/text/utf8.h"

namespace kiosk::text {
namespace {

constexpr char32_t kEllipsis = U'\u2026';

struct CodePoint {
  char32_t value;
  size_t byte;  // offset of its first byte
};

enum class Break { None, Allowed, Hard };

std::vector<CodePoint> decode_with_offsets(std::string_view text) {
  std::vector<CodePoint> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    out.push_back({decode_next(text, pos), start});
  }
  return out;
}

// breaks[i] says whether a line may end before code point i (i in 1..n-1).
std::vector<Break> icu_breaks(const std::vector<CodePoint>& cps) {
  std::vector<Break> breaks(cps.size() + 1, Break::None);
  icu::UnicodeString utf16;
  std::vector<size_t> cp_at_unit;  // UTF-16 unit index -> code point index
  for (size_t i = 0; i < cps.size(); ++i) {
    utf16.append(static_cast<UChar32>(cps[i].value));
    while (cp_at_unit.size() < static_cast<size_t>(utf16.length())) cp_at_unit.push_back(i);
  }
  cp_at_unit.push_back(cps.size());

  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createLineInstance(icu::Locale::getChinese(), status));
  if (!iterator || U_FAILURE(status)) return breaks;
  iterator->setText(utf16);
  for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
    bool hard = iterator->getRuleStatus() >= UBRK_LINE_HARD && iterator->getRuleStatus() < UBRK_LINE_HARD_LIMIT;
    breaks[cp_at_unit[static_cast<size_t>(b)]] = hard ? Break::Hard : Break::Allowed;
  }
  return breaks;
}

bool is_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}

// Characters that continue a figure after its digits: qualifiers, magnitudes and units.
bool is_unit_char(char32_t c) {
  static const std::u32string units =
      U"%.,/余多万亿千百元人次个家项张套座处天场户名所条公里米平方立克微吨倍以上周年月日岁小时";
  return units.find(c) != std::u32string::npos;
}

// Forbids breaks strictly inside [from, to).
void keep(std::vector<Break>& breaks, size_t from, size_t to) {
  for (size_t i = from + 1; i < to && i < breaks.size(); ++i)
    if (breaks[i] == Break::Allowed) breaks[i] = Break::None;
}

void keep_figures_whole(const std::vector<CodePoint>& cps, std::vector<Break>& breaks) {
  size_t i = 0;
  while (i < cps.size()) {
    if (!is_digit(cps[i].value)) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < cps.size() && (is_digit(cps[i].value) || is_unit_char(cps[i].value))) ++i;
    // A trailing "." or "," ends the sentence, not the figure.
    size_t end = i;
    while (end > start + 1 && (cps[end - 1].value == U'.' || cps[end - 1].value == U',')) --end;
    keep(breaks, start, end);
  }
}

void keep_phrases(std::string_view text, const std::vector<CodePoint>& cps, const std::vector<std::string>& phrases,
                  std::vector<Break>& breaks) {
  auto cp_index = [&](size_t byte) {
    size_t lo = 0;
    while (lo < cps.size() && cps[lo].byte < byte) ++lo;
    return lo;
  };
  for (const auto& phrase : phrases) {
    if (phrase.empty()) continue;
    for (size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1))
      keep(breaks, cp_index(at), cp_index(at + phrase.size()));
  }
}

// Characters a line may not start with (closing marks, 。，、！？ and the like) or end with
// (opening marks), by their UAX #14 class.
bool is_non_starter(char32_t c) {
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK)) {
    case U_LB_CLOSE_PUNCTUATION:
    case U_LB_CLOSE_PARENTHESIS:
    case U_LB_EXCLAMATION:
    case U_LB_INFIX_NUMERIC:
    case U_LB_NONSTARTER:
    case U_LB_POSTFIX_NUMERIC: return true;
    default: return false;
  }
}

bool is_opener(char32_t c) {
  auto lb = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_LINE_BREAK);
  return lb == U_LB_OPEN_PUNCTUATION || lb == U_LB_PREFIX_NUMERIC;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\u3000';
}

class Filler {
 public:
  Filler(std::string_view text, const std::vector<CodePoint>& cps, const Advance& advance, const LayoutOptions& options)
      : text_(text), cps_(cps), advance_(advance), options_(options) {}

  std::vector<Line> run(const std::vector<Break>& breaks) {
    size_t line_start = 0;
    size_t i = 0;
    while (i < cps_.size()) {
      size_t segment_end = i + 1;
      while (segment_end < cps_.size() && breaks[segment_end] == Break::None) ++segment_end;
      size_t visible_end = trimmed_end(i, segment_end);
      if (i > line_start && width(line_start, visible_end) > options_.max_width) {
        if (!emit(line_start, i)) return lines_;
        line_start = i;
      }
      // One unbreakable run wider than a whole line: split it between glyphs.
      while (width(line_start, visible_end) > options_.max_width && visible_end - line_start > 1) {
        size_t end = line_start + 1;
        while (end < visible_end && width(line_start, end + 1) <= options_.max_width) ++end;
        // Even a forced split keeps 。，」 off the start of a line and 「（ off its end.
        size_t best = end;
        while (best > line_start + 1 && (is_non_starter(cps_[best].value) || is_opener(cps_[best - 1].value))) --best;
        if (best > line_start + 1 || !is_non_starter(cps_[best].value)) end = best;
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
  const Advance& advance_;
  const LayoutOptions& options_;
  std::vector<Line> lines_;
};

}  // namespace

std::vector<size_t> icu_break_offsets(std::string_view text) {
  auto cps = decode_with_offsets(text);
  auto breaks = icu_breaks(cps);
  std::vector<size_t> out;
  for (size_t i = 1; i < cps.size(); ++i)
    if (breaks[i] != Break::None) out.push_back(cps[i].byte);
  return out;
}

std::vector<Line> break_lines(std::string_view text, const Advance& advance, const LayoutOptions& options) {
  auto cps = decode_with_offsets(text);
  if (cps.empty()) return {Line{}};
  auto breaks = icu_breaks(cps);
  keep_figures_whole(cps, breaks);
  keep_phrases(text, cps, options.keep_together, breaks);
  return Filler(text, cps, advance, options).run(breaks);
}

}  // namespace kiosk::text
