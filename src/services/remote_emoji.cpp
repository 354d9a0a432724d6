#include "services/remote_emoji.h"

#include <stdexcept>

#include "activitypub/parse_origin.h"
#include "core/crypto.h"
#include "core/log.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "media/image_type.h"
#include "services/remote_media_cache.h"
#include "services/storage.h"
#include "store/custom_emojis.h"

namespace agora::services::remote_emoji {

namespace {

// Mastodon's SHORTCODE_RE_FRAGMENT, [a-zA-Z0-9_]{2,}, with an upper bound.
bool valid_shortcode(const std::string& code) {
  if (code.size() < 2 || code.size() > 100) return false;
  for (char ch : code)
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
  return true;
}

void enqueue(store::Connection& c, int64_t id, const std::string& url) {
  jobs::enqueue_once(c, {.kind = kJobKind, .payload = {{"custom_emoji_id", id}, {"url", url}}, .queue = "pull",
                         .max_attempts = 5});
}

}  // namespace

void remember(store::Connection& c, const std::string& domain, const std::vector<activitypub::EmojiTag>& emojis,
              int64_t now) {
  if (domain.empty() || emojis.empty() || !media_cache::media_allowed(c, domain)) return;
  size_t seen = 0;
  for (const auto& tag : emojis) {
    if (++seen > kMaxPerObject) break;
    if (!valid_shortcode(tag.shortcode)) continue;
    auto known = store::custom_emojis::find_remote(c, tag.shortcode, domain);
    if (!known) {
      int64_t id = next_id();
      store::custom_emojis::insert_remote(c, id, {0, tag.shortcode, domain, tag.icon_url, ""}, tag.id, now);
      enqueue(c, id, tag.icon_url);
    } else if (known->image_remote_url != tag.icon_url) {
      store::custom_emojis::set_remote_url(c, known->id, tag.id, tag.icon_url, now);
      enqueue(c, known->id, tag.icon_url);
    }
  }
}

void cache(Context& ctx, int64_t emoji_id, const std::string& url) {
  {
    auto conn = ctx.db.acquire();
    auto e = store::custom_emojis::find_remote_by_id(*conn, emoji_id);
    if (!e || e->image_remote_url != url) return;  // gone, or a newer URL has its own job
    if (!media_cache::media_allowed(*conn, e->domain) || !media_cache::media_allowed(*conn, activitypub::host_of(url)))
      return;
  }
  auto got = media_cache::download(ctx, url, kMaxImageBytes + 1);
  if (!got.bytes) {
    if (got.transient) throw std::runtime_error("emoji image " + url + " not fetched yet");
    return;
  }
  auto type = media::sniff_image(*got.bytes);
  if (!type || got.bytes->size() > kMaxImageBytes) {
    log::info("remote emoji {} refused: not an image or over {} bytes", url, kMaxImageBytes);
    return;
  }
  std::string key = "cache/custom_emojis/" + std::to_string(emoji_id) + "/" + crypto::random_token(8) + "." +
                    media::extension(*type);
  auto storage = file_storage(ctx);
  storage->put(key, *got.bytes, media::mime_type(*type));
  std::optional<std::string> replaced;
  {
    auto conn = ctx.db.acquire();
    replaced = store::custom_emojis::set_remote_image(*conn, emoji_id, url, key, media::mime_type(*type), now_ms());
  }
  if (!replaced) storage->remove(key);                      // the emoji moved on meanwhile
  else if (!replaced->empty()) storage->remove(*replaced);  // the previous image
}

}  // namespace agora::services::remote_emoji
