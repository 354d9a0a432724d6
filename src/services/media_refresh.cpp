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

// Walks the ids `next_batch(connection, after_id, limit)` returns, in id
// order, a batch at a time, handing each to `refresh`.
template <class NextBatch, class Refresh>
void for_each_missing(Context& ctx, NextBatch next_batch, Refresh refresh) {
  for (int64_t after = 0;;) {
    std::vector<int64_t> batch;
    {
      auto conn = ctx.db.acquire();
      batch = next_batch(*conn, after, kBatch);
    }
    if (batch.empty()) return;
    for (int64_t id : batch) {
      after = id;
      refresh(id);
    }
  }
}

int missing_images_of(Context& ctx, int64_t account_id) {
  auto conn = ctx.db.acquire();
  auto p = store::media_cache::profile_images(*conn, account_id);
  return p ? missing_images(*p) : 0;
}

void refresh_attachments(Context& ctx, const store::media_cache::MissingScope& scope, Refreshed& out) {
  auto next = [&](store::Connection& c, int64_t after, int limit) {
    return store::media_cache::missing_attachments(c, scope, after, limit);
  };
  for_each_missing(ctx, next, [&](int64_t id) {
    if (!cache_attachment(ctx, id)) {
      ++out.failed;
      return;
    }
    ++out.attachments;
    auto conn = ctx.db.acquire();
    if (auto m = store::media_attachments::find(*conn, id)) out.bytes += m->file_size;
  });
}

void refresh_profiles(Context& ctx, const store::media_cache::MissingScope& scope, Refreshed& out) {
  auto next = [&](store::Connection& c, int64_t after, int limit) {
    return store::media_cache::missing_profile_images(c, scope, after, limit);
  };
  for_each_missing(ctx, next, [&](int64_t id) {
    int before = missing_images_of(ctx, id);
    try {
      cache_profile(ctx, id);
    } catch (const std::runtime_error&) {
      // a transient failure: what is still missing is counted below
    }
    int still = missing_images_of(ctx, id);
    out.profile_images += before > still ? before - still : 0;
    out.failed += still;
  });
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
