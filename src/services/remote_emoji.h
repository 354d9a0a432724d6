// Custom emoji of other servers, as Mastodon keeps them: remembered per
// (shortcode, domain) from the posts that use them, their image downloaded in
// a job through the guarded client and stored with the instance's files. A
// status shows the emoji of its author's server, and only once cached (never
// hotlinked). Nothing is fetched from domains blocked with reject_media.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "activitypub/vocabulary.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::remote_emoji {

inline constexpr const char* kJobKind = "cache_remote_emoji";
inline constexpr size_t kMaxImageBytes = 256 * 1024;  // Mastodon's CustomEmoji::LIMIT
inline constexpr size_t kMaxPerObject = 50;           // more tags than any real post carries

// Remembers the emoji `domain` uses in a post and queues the download of new or changed images.
void remember(store::Connection& c, const std::string& domain, const std::vector<activitypub::EmojiTag>& emojis,
              int64_t now);

// The job: downloads, checks (an image of an allowed type, under the limit) and stores the image of
// `emoji_id` if it still points at `url`. Throws when trying again later may succeed.
void cache(Context& ctx, int64_t emoji_id, const std::string& url);

}  // namespace agora::services::remote_emoji
