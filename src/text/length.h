// How Mastodon counts the length of what members type.
#pragma once
#include <cstddef>
#include <string_view>

namespace agora::text {

// User-perceived characters (grapheme clusters, approximated: combining
// marks, variation selectors, emoji modifiers, ZWJ sequences and flag pairs
// count with the character they attach to).
size_t count_graphemes(std::string_view s);

// The length Mastodon checks notes and statuses against: every link counts
// as 23 characters and "@user@domain" as "@user".
size_t countable_length(std::string_view s);

constexpr size_t kUrlPlaceholderLength = 23;

}  // namespace agora::text
