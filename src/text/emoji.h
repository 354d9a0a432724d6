// Recognising one Unicode emoji (for announcement reactions), without the
// full emoji table: a single pictograph, keycap, flag or ZWJ sequence with
// its modifiers and variation selectors.
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include <string_view>

namespace agora::text {

bool is_unicode_emoji(std::string_view s);

// ":shortcode:" occurrences in the text (Mastodon's CustomEmoji::SCAN_RE,
// without its look-behind subtleties), in order, repeats included.
std::vector<std::string> custom_emoji_shortcodes(std::string_view text);

}  // namespace agora::text
