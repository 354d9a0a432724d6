#include "services/hashtags.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/time.h"
#include "services/trend_reviews.h"
#include "store/tags.h"
#include "text/hashtags.h"

namespace agora::services {

namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int kHistoryDays = 7;

}  // namespace

std::vector<model::TagView> tag_views(store::Connection& c, std::optional<int64_t> viewer,
                                      const std::vector<model::Tag>& tags, int64_t now) {
  std::vector<int64_t> ids;
  for (const auto& t : tags) ids.push_back(t.id);
  int64_t today = now / kDayMs * kDayMs;
  int64_t since = today - (kHistoryDays - 1) * kDayMs;
  auto use = store::tags::daily_use(c, ids, since);
  std::set<int64_t> followed;
  if (viewer && !ids.empty()) followed = store::tags::followed_among(c, *viewer, ids);

  std::vector<model::TagView> out;
  for (const auto& t : tags) {
    model::TagView v{t, {}, std::nullopt};
    auto days = use.find(t.id);
    for (int i = 0; i < kHistoryDays; ++i) {
      int64_t day = today - i * kDayMs;
      model::TagDay d{day, 0, 0};
      if (days != use.end())
        if (auto u = days->second.find(day); u != days->second.end()) d = u->second;
      v.history.push_back(d);
    }
    if (viewer) v.following = followed.contains(t.id);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<model::TagView> search_hashtags(Context& ctx, std::optional<int64_t> viewer, const HashtagSearch& s) {
  std::string_view q = s.query;
  while (!q.empty() && std::isspace(static_cast<unsigned char>(q.front()))) q.remove_prefix(1);
  while (!q.empty() && std::isspace(static_cast<unsigned char>(q.back()))) q.remove_suffix(1);
  if (q.starts_with('#')) q.remove_prefix(1);
  if (q.empty()) return {};
  auto lease = ctx.db.acquire();
  auto tags = store::tags::search(*lease, {text::normalize_hashtag(q), s.exclude_unreviewed, s.limit, s.offset});
  return tag_views(*lease, viewer, tags, now_ms());
}

std::vector<model::TagView> trending_tags(Context& ctx, std::optional<int64_t> viewer, int limit, int offset,
                                          bool for_review) {
  auto lease = ctx.db.acquire();
  int64_t now = now_ms();
  auto review = for_review ? store::tags::TrendReview::all : public_trend_review(*lease);
  auto tags = store::tags::trending(*lease, now - kHistoryDays * kDayMs, limit, offset, review);
  return tag_views(*lease, viewer, tags, now);
}

}  // namespace agora::services
