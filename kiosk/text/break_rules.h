#pragma once
// The rules line breaking lays over ICU's UAX #14 break opportunities: a figure and its
// unit, a 《title》 and a short “quoted term” are never split, Chinese lines end at word
// boundaries only (ICU's dictionary word breaker), and no paragraph ends on one character.
// Internal to kiosk/text; line_break.h is the interface.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text::detail {

struct CodePoint {
  char32_t value;
  size_t byte;  // offset of its first byte
};

// Allowed: a line may end here. Fallback: it may only when one unbreakable run is wider
// than the whole line (ICU allows a break here, at a word boundary, but a rule forbids it).
enum class Break { None, Fallback, Allowed, Hard };

std::vector<CodePoint> decode_with_offsets(std::string_view text);

// breaks[i] says whether a line may end before code point i (i in 1..n-1), as ICU's line
// breaker sees it.
std::vector<Break> icu_breaks(const std::vector<CodePoint>& cps);

// UAX #14 sets “ ” ‘ ’ apart as QU, with no break on either side, as English needs; in
// Chinese they open and close like 「」, so a line may end before an opening quote that
// follows Chinese and after a closing one that ends it.
void break_around_chinese_quotes(const std::vector<CodePoint>& cps, std::vector<Break>& breaks);

// words[i] is true where a word starts or ends before code point i (ICU's word breaker, Chinese dictionary).
std::vector<bool> word_boundaries(const std::vector<CodePoint>& cps);

void keep_words_whole(const std::vector<bool>& words, std::vector<Break>& breaks);
void keep_figures_whole(const std::vector<CodePoint>& cps, std::vector<Break>& breaks);
void keep_phrases(std::string_view text, const std::vector<CodePoint>& cps, const std::vector<std::string>& phrases,
                  std::vector<Break>& breaks);
// 《…》 always, “…” and ‘…’ of at most kShortQuote characters.
void keep_titles_and_short_quotes(const std::vector<CodePoint>& cps, std::vector<Break>& breaks);
// For each code point, the characters (letters, digits, ideographs: marks and spaces
// aside) from it to the end of its paragraph; one more entry for the end.
std::vector<int> characters_to_paragraph_end(const std::vector<CodePoint>& cps, const std::vector<Break>& breaks);
// No break leaves fewer than two characters after it in its paragraph.
void keep_widows_off(const std::vector<int>& tail, std::vector<Break>& breaks);

constexpr size_t kShortQuote = 8;

bool is_non_starter(char32_t c);
bool is_opener(char32_t c);
bool is_space(char32_t c);

}  // namespace kiosk::text::detail
