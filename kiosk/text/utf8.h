#pragma once
// UTF-8 decoding and validation. The kiosk treats every text in a bundle as untrusted.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `pos` and advances `pos`. Invalid or overlong sequences,
// surrogates and values past U+10FFFF decode as U+FFFD and advance by one byte.
char32_t decode_next(std::string_view text, size_t& pos);

// Byte offset of the first invalid sequence, or nullopt when `text` is valid UTF-8.
std::optional<size_t> find_invalid(std::string_view text);

std::vector<char32_t> decode(std::string_view text);
std::string encode(char32_t code_point);

// `text` made safe to log, store as one line or show: control characters and
// invisible line or direction changers become escapes (`\n`, `\x1b`, `\u{202e}`), bytes
// that are not UTF-8 become `\xNN`, and a backslash becomes `\\`, so that a file name
// from outside can neither forge a line nor be mistaken for another name.
std::string escaped(std::string_view text);

}  // namespace kiosk::text
