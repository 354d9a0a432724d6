#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace agora {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool valid_utf8(std::string_view s);
// Reads the code point at `pos` of well-formed UTF-8 and advances `pos`;
// false at the end. Malformed bytes read as U+FFFD, one byte at a time.
bool next_codepoint(std::string_view s, size_t& pos, char32_t& cp);
// The number of code points (what Ruby's String#length counts).
size_t utf8_length(std::string_view s);
// The first `max_codepoints` code points of `s`.
std::string_view utf8_prefix(std::string_view s, size_t max_codepoints);
void append_utf8(std::string& out, char32_t cp);

}  // namespace agora
