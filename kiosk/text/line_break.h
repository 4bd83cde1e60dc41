#pragma once
// Line breaking for mixed Chinese and English text. Break opportunities come from
// ICU's UAX #14 line breaker; on top of it, a figure and its unit ("32.7亿元",
// "5%以上", "36.97微克/立方米") are never split. Lines are fitted with the font's
// advances, supplied by the caller so that this layer knows nothing of rendering.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

// Width of one code point in the font and size being laid out.
using Advance = std::function<float(char32_t)>;

struct Line {
  size_t begin = 0;  // byte range into the laid-out text; trailing spaces excluded
  size_t end = 0;
  float width = 0;
  bool ellipsis = false;  // the text went on; draw "…" after this line
};

struct LayoutOptions {
  float max_width = 0;
  int max_lines = 0;                       // 0: no limit
  std::vector<std::string> keep_together;  // extra phrases never split (e.g. "突破七万元")
};

std::vector<Line> break_lines(std::string_view text, const Advance& advance, const LayoutOptions& options);

// The byte offsets after which a line may end, as ICU sees them, before the figure rule.
std::vector<size_t> icu_break_offsets(std::string_view text);

}  // namespace kiosk::text
