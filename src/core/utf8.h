#pragma once
#include <cstddef>
#include <string_view>

namespace agora {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool valid_utf8(std::string_view s);
// The number of code points in valid UTF-8 `s` (what Rails counts as characters).
size_t utf8_length(std::string_view s);

}  // namespace agora
