// Finds the links, hashtags and mentions in plain text, the way Mastodon's
// extractor (twitter-text with Mastodon's own patterns) finds them.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace agora::text {

struct Entity {
  enum class Kind { url, hashtag, mention };
  Kind kind;
  size_t begin = 0, end = 0;  // byte offsets into the text: [begin, end)
  std::string value;          // the URL; the tag without '#'; "user" or "user@domain" without '@'
};

// Sorted by position, never overlapping. Only http(s) URLs with a plausible
// host are links; hashtags and mentions inside a link are not entities.
std::vector<Entity> extract_entities(std::string_view text);

}  // namespace agora::text
