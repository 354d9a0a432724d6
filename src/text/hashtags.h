// Hashtag names as Mastodon accepts and matches them.
#pragma once
#include <string>
#include <string_view>

namespace agora::text {

// The longest name accepted, in characters.
constexpr size_t kMaxHashtagLength = 255;

// Mastodon's Tag::HASHTAG_NAME_RE: word characters (and the separators '·'
// and ZWNJ inside), not only digits. "cats", "c_3", "ハッシュ·タグ" are names;
// "123", "a-b", "#cats" and "" are not.
bool valid_hashtag_name(std::string_view name);

// The form names are stored and matched in: lower case (ASCII letters only;
// other scripts are kept as typed).
std::string normalize_hashtag(std::string_view name);

}  // namespace agora::text
