#include "services/media_refresh.h"

#include <limits>
#include <stdexcept>

#include "store/media_attachments.h"

namespace agora::services::media_cache {

namespace {

constexpr int kBatch = 100;

int missing_images(const store::media_cache::ProfileImages& p) {
  return (!p.avatar_remote_url.empty() && p.avatar_file.empty()) + (!p.header_remote_url.empty() && p.header_file.empty());
}

void refresh_attachments(Context& ctx, const store::media_cache::MissingScope& scope, Refreshed& out) {
  for (int64_t after = 0;;) {
    std::vector<int64_t> batch;
    {
      auto conn = ctx.db.acquire();
      batch = store::media_cache::missing_attachments(*conn, scope, after, kBatch);
    }
    if (batch.empty()) return;
    for (int64_t id : batch) {
      after = id;
      if (!cache_attachment(ctx, id)) {
        ++out.failed;
        continue;
      }
      ++out.attachments;
      auto conn = ctx.db.acquire();
      if (auto m = store::media_attachments::find(*conn, id)) out.bytes += m->file_size;
    }
  }
}

void refresh_profiles(Context& ctx, const store::media_cache::MissingScope& scope, Refreshed& out) {
  for (int64_t after = 0;;) {
    std::vector<int64_t> batch;
    {
      auto conn = ctx.db.acquire();
      batch = store::media_cache::missing_profile_images(*conn, scope, after, kBatch);
    }
    if (batch.empty()) return;
    for (int64_t id : batch) {
      after = id;
      int before = 0;
      {
        auto conn = ctx.db.acquire();
        if (auto p = store::media_cache::profile_images(*conn, id)) before = missing_images(*p);
      }
      try {
        cache_profile(ctx, id);
      } catch (const std::runtime_error&) {
        // a transient failure: what is still missing is counted below
      }
      int still = 0;
      {
        auto conn = ctx.db.acquire();
        if (auto p = store::media_cache::profile_images(*conn, id)) still = missing_images(*p);
      }
      out.profile_images += before > still ? before - still : 0;
      out.failed += still;
    }
  }
}

}  // namespace

Cleared clear_cache(Context& ctx) {
  constexpr int64_t kEverything = std::numeric_limits<int64_t>::max();
  Cleared out;
  out.attachments = remove_cached_attachments(ctx, kEverything);
  out.profile_images = remove_cached_profiles(ctx, kEverything, false, true).count;
  return out;
}

Refreshed refresh_missing(Context& ctx, const store::media_cache::MissingScope& scope) {
  Refreshed out;
  refresh_attachments(ctx, scope, out);
  refresh_profiles(ctx, scope, out);
  return out;
}

}  // namespace agora::services::media_cache
