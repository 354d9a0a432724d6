// Recognising one Unicode emoji (for announcement reactions), without the
// full emoji table: a single pictograph, keycap, flag or ZWJ sequence with
// its modifiers and variation selectors.
#pragma once
#include <string_view>

namespace agora::text {

bool is_unicode_emoji(std::string_view s);

}  // namespace agora::text
