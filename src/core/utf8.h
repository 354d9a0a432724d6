#pragma once
#include <cstddef>
#include <string_view>

namespace agora {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool valid_utf8(std::string_view s);
// The number of code points in well-formed UTF-8 (what Rails counts as a string's length).
size_t utf8_length(std::string_view s);

}  // namespace agora
