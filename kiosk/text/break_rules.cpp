#include "kiosk/text/break_rules.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <memory>

#include "kiosk/text/utf8.h"

namespace kiosk::text::detail {
namespace {

struct Utf16 {
  icu::UnicodeString text;
  std::vector<size_t> cp_at_unit;  // UTF-16 unit index -> code point index
};

Utf16 to_utf16(const std::vector<CodePoint>& cps) {
  Utf16 out;
  for (size_t i = 0; i < cps.size(); ++i) {
    out.text.append(static_cast<UChar32>(cps[i].value));
    while (out.cp_at_unit.size() < static_cast<size_t>(out.text.length())) out.cp_at_unit.push_back(i);
  }
  out.cp_at_unit.push_back(cps.size());
  return out;
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

// Forbids breaks strictly inside [from, to), except where the run is wider than a line.
void keep(std::vector<Break>& breaks, size_t from, size_t to) {
  for (size_t i = from + 1; i < to && i < breaks.size(); ++i)
    if (breaks[i] == Break::Allowed) breaks[i] = Break::Fallback;
}

// The index of the mark closing the one opened at `open`, if it comes before the paragraph ends.
size_t closing(const std::vector<CodePoint>& cps, size_t open, char32_t close) {
  for (size_t i = open + 1; i < cps.size(); ++i) {
    if (cps[i].value == close) return i;
    if (cps[i].value == U'\n' || cps[i].value == cps[open].value) break;
  }
  return cps.size();
}

// A letter, digit or ideograph: what makes a line more than a mark.
bool counts_as_character(char32_t c) {
  return !is_space(c) && !u_ispunct(static_cast<UChar32>(c));
}

// An ideograph or a full-width mark: text a Chinese quote opens or closes.
bool is_chinese(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF00 && c <= 0xFFEF);
}

bool opens_quote(char32_t c) {
  return c == U'“' || c == U'‘';
}

bool closes_quote(char32_t c) {
  return c == U'”' || c == U'’';
}

}  // namespace

void break_around_chinese_quotes(const std::vector<CodePoint>& cps, std::vector<Break>& breaks) {
  for (size_t i = 1; i < cps.size(); ++i) {
    if (breaks[i] != Break::None) continue;
    char32_t before = cps[i - 1].value, after = cps[i].value;
    // ’ after a Latin letter is an apostrophe (Heping’s), which never ends a line.
    bool closed = closes_quote(before) && i >= 2 && (is_chinese(cps[i - 2].value) || closes_quote(cps[i - 2].value));
    bool opened = opens_quote(after) && i + 1 < cps.size() && is_chinese(cps[i + 1].value);
    bool after_ok = is_chinese(after) || is_digit(after) || opens_quote(after);
    if ((closed && after_ok && !is_non_starter(after)) ||
        (opened && (is_chinese(before) || closes_quote(before)) && !is_opener(before)))
      breaks[i] = Break::Allowed;
  }
}

std::vector<CodePoint> decode_with_offsets(std::string_view text) {
  std::vector<CodePoint> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    out.push_back({decode_next(text, pos), start});
  }
  return out;
}

std::vector<Break> icu_breaks(const std::vector<CodePoint>& cps) {
  std::vector<Break> breaks(cps.size() + 1, Break::None);
  auto utf16 = to_utf16(cps);
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createLineInstance(icu::Locale::getChinese(), status));
  if (!iterator || U_FAILURE(status)) return breaks;
  iterator->setText(utf16.text);
  for (int32_t b = iterator->next(); b != icu::BreakIterator::DONE; b = iterator->next()) {
    bool hard = iterator->getRuleStatus() >= UBRK_LINE_HARD && iterator->getRuleStatus() < UBRK_LINE_HARD_LIMIT;
    breaks[utf16.cp_at_unit[static_cast<size_t>(b)]] = hard ? Break::Hard : Break::Allowed;
  }
  return breaks;
}

std::vector<bool> word_boundaries(const std::vector<CodePoint>& cps) {
  std::vector<bool> words(cps.size() + 1, false);
  auto utf16 = to_utf16(cps);
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::BreakIterator> iterator(
      icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (!iterator || U_FAILURE(status)) return std::vector<bool>(cps.size() + 1, true);  // no dictionary: every break
  iterator->setText(utf16.text);
  for (int32_t b = iterator->first(); b != icu::BreakIterator::DONE; b = iterator->next())
    words[utf16.cp_at_unit[static_cast<size_t>(b)]] = true;
  return words;
}

void keep_words_whole(const std::vector<bool>& words, std::vector<Break>& breaks) {
  for (size_t i = 0; i < breaks.size(); ++i)
    if (breaks[i] == Break::Allowed && !words[i]) breaks[i] = Break::None;
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

void keep_titles_and_short_quotes(const std::vector<CodePoint>& cps, std::vector<Break>& breaks) {
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t open = cps[i].value;
    char32_t close = open == U'《' ? U'》' : open == U'“' ? U'”' : open == U'‘' ? U'’' : 0;
    if (!close) continue;
    size_t end = closing(cps, i, close);
    if (end == cps.size()) continue;
    if (open == U'《' || end - i - 1 <= kShortQuote) keep(breaks, i, end + 1);
  }
}

std::vector<int> characters_to_paragraph_end(const std::vector<CodePoint>& cps, const std::vector<Break>& breaks) {
  std::vector<int> tail(cps.size() + 1, 0);
  for (size_t i = cps.size(); i-- > 0;) {
    int after = breaks[i + 1] == Break::Hard ? 0 : tail[i + 1];
    tail[i] = after + (counts_as_character(cps[i].value) ? 1 : 0);
  }
  return tail;
}

void keep_widows_off(const std::vector<int>& tail, std::vector<Break>& breaks) {
  for (size_t i = 0; i + 1 < breaks.size(); ++i)
    if (tail[i] < 2 && breaks[i] == Break::Allowed) breaks[i] = Break::Fallback;
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

}  // namespace kiosk::text::detail
