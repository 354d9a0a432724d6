#pragma once
#include <string_view>

namespace agora {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
bool valid_utf8(std::string_view s);

}  // namespace agora
