#include "services/trend_review_mails.h"

#include <algorithm>

#include "jobs/queue.h"
#include "services/staff_notifications.h"
#include "services/trend_reviews.h"
#include "store/status_discovery.h"
#include "store/statuses.h"
#include "store/tags.h"
#include "store/trend_review_requests.h"

namespace agora::services::trend_review_mails {

namespace {

constexpr int64_t kTrendWindowMs = 7LL * 24 * 3600 * 1000;  // as the trends themselves

jobs::Job next_look(int64_t delay_ms) {
  return {.kind = kJobKind, .payload = {}, .queue = "mailers", .delay_ms = delay_ms, .max_attempts = 3};
}

// The unreviewed tags trending now that were never asked about, "#name" each.
std::vector<std::string> new_tags(store::Connection& c, int64_t now, int64_t since) {
  auto trending = store::tags::trending(c, since, kCandidates, 0, store::tags::TrendReview::all);
  std::vector<int64_t> ids;
  for (const auto& t : trending)
    if (!t.trendable) ids.push_back(t.id);
  ids = store::trend_review_requests::not_requested(c, "tag", ids);
  std::vector<std::string> names;
  for (const auto& t : trending)
    if (std::find(ids.begin(), ids.end(), t.id) != ids.end()) names.push_back("#" + t.name);
  store::trend_review_requests::mark_requested(c, "tag", ids, now);
  return names;
}

// The unreviewed statuses trending now that were never asked about, by URL.
std::vector<std::string> new_statuses(store::Connection& c, int64_t now, int64_t since) {
  auto trending = store::status_discovery::trending(c, since, kCandidates, 0, store::tags::TrendReview::all);
  auto unreviewed = store::status_discovery::unreviewed_among(c, trending);
  std::vector<int64_t> ids;
  for (int64_t id : trending)
    if (unreviewed.count(id)) ids.push_back(id);
  ids = store::trend_review_requests::not_requested(c, "status", ids);
  std::vector<std::string> urls;
  for (const auto& s : store::statuses::find_many(c, ids)) urls.push_back(s.url.empty() ? s.uri : s.url);
  store::trend_review_requests::mark_requested(c, "status", ids, now);
  return urls;
}

}  // namespace

void schedule(Context& ctx) {
  auto lease = ctx.db.acquire();
  store::in_transaction(*lease, [&] { jobs::enqueue_once(*lease, next_look(0)); });
}

void run(Context& ctx, int64_t now) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    if (public_trend_review(c) == store::tags::TrendReview::reviewed) {
      auto tags = new_tags(c, now, now - kTrendWindowMs);
      auto statuses = new_statuses(c, now, now - kTrendWindowMs);
      if (!tags.empty() || !statuses.empty()) staff_notifications::trends_awaiting_review(ctx, c, tags, statuses);
    }
    jobs::enqueue_once(c, next_look(kCheckEveryMs));
  });
}

}  // namespace agora::services::trend_review_mails
