// Operator's passes over the remote media cache (services/remote_media_cache.h):
// `agora cache clear` drops every local copy of other servers' files, and
// `agora media refresh` downloads again the ones that are missing.
#pragma once
#include <cstdint>

#include "services/context.h"
#include "services/remote_media_cache.h"
#include "store/media_cache.h"

namespace agora::services::media_cache {

// Every cached remote attachment, avatar and header (followed accounts' too);
// the rows keep their remote URLs, so each can be fetched again.
struct Cleared {
  Removed attachments;
  int64_t profile_images = 0;
};
Cleared clear_cache(Context& ctx);

// Downloads, now and one at a time, the files within `scope` that have no local copy.
struct Refreshed {
  int64_t attachments = 0, bytes = 0;  // downloaded attachments and their size
  int64_t profile_images = 0;          // downloaded avatars and headers
  int64_t failed = 0;                  // still missing: refused, gone, too large, blocked
};
Refreshed refresh_missing(Context& ctx, const store::media_cache::MissingScope& scope);

}  // namespace agora::services::media_cache
