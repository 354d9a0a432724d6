#include "services/status_search.h"

#include "core/time.h"
#include "services/threads.h"
#include "services/trend_reviews.h"
#include "store/status_discovery.h"

namespace agora::services {

namespace {

constexpr size_t kMaxQueryBytes = 1000;
constexpr int64_t kTrendingWindowMs = 7 * 86'400'000LL;

}  // namespace

std::vector<model::StatusView> search_statuses(Context& ctx, std::optional<int64_t> viewer,
                                               const StatusSearchRequest& s) {
  if (!viewer || s.limit <= 0) return {};
  const auto& q = s.query;
  bool one_word = q.find_first_of(" \t\r\n") == std::string::npos;
  if (one_word && (q.find('@') != std::string::npos || q.find("://") != std::string::npos)) return {};
  if (q.size() > kMaxQueryBytes) return {};
  auto lease = ctx.db.acquire();
  auto ids = store::status_discovery::search(
      *lease, {*viewer, q, s.account_id, s.min_id, s.max_id, s.limit, s.offset});
  return viewable_statuses(*lease, viewer, ids);
}

std::vector<model::StatusView> trending_statuses(Context& ctx, std::optional<int64_t> viewer, int limit, int offset,
                                                 bool for_review) {
  auto lease = ctx.db.acquire();
  auto review = for_review ? store::tags::TrendReview::all : public_trend_review(*lease);
  auto ids = store::status_discovery::trending(*lease, now_ms() - kTrendingWindowMs, limit, offset, review);
  return viewable_statuses(*lease, viewer, ids);
}

}  // namespace agora::services
