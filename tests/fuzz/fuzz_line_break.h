#pragma once
// The line breaker on arbitrary bytes (valid and invalid UTF-8). The first byte picks
// the width and line limit so that the fuzzer reaches narrow columns, ellipses and
// keep-together phrases; the rest is the text.

#include <cstdint>

#include "kiosk/text/figure_text.h"
#include "kiosk/text/line_break.h"
#include "tests/fuzz/fuzz_common.h"

namespace kiosk::fuzz {

inline void run_line_break(const uint8_t* data, size_t size) {
  if (size == 0) return;
  auto text = as_text(data + 1, size - 1);
  text::LayoutOptions options;
  options.max_width = static_cast<float>(data[0] & 0x3F) * 4;
  options.max_lines = data[0] >> 6;
  options.keep_together = {"突破七万元", "per cent"};
  // CJK and other wide characters are twice as wide as Latin, roughly as in the fonts.
  auto advance = [](char32_t c) { return c < 0x2E80 ? 1.0f : 2.0f; };
  size_t previous_end = 0;
  for (const auto& line : text::break_lines(text, advance, options)) {
    if (line.begin > line.end || line.end > text.size() || line.begin < previous_end) abort();
    previous_end = line.end;
  }
  for (size_t offset : text::icu_break_offsets(text))
    if (offset > text.size()) abort();
  auto parts = text::split_figure(text);
  // The figure painter draws the three pieces for the whole string: none may be lost.
  if (parts.prefix + parts.number + parts.suffix != text) abort();
}

}  // namespace kiosk::fuzz
