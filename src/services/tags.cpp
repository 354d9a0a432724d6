#include "services/tags.h"

#include <algorithm>

#include "core/errors.h"
#include "core/time.h"
#include "model/instance.h"
#include "services/account_lookup.h"
#include "store/tags.h"
#include "text/hashtags.h"

namespace agora::services::tags {

namespace {

constexpr int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int kHistoryDays = 7;
constexpr int kMaxSuggestions = 10;

int64_t today_start(int64_t now) { return now - now % kDayMs; }

// As Mastodon's TagsController: an invalid name is "not found".
std::string checked_name(std::string_view name) {
  if (!text::valid_hashtag_name(name)) throw Error::not_found();
  return std::string(name);
}

model::TagView view_of(store::Connection& c, const model::Tag& tag, const std::optional<model::Account>& viewer,
                       int64_t now) {
  model::TagView v;
  v.tag = tag;
  if (tag.id != 0) v.history = store::tags::history(c, tag.id, today_start(now), kHistoryDays);
  if (viewer) v.following = tag.id != 0 && store::tags::is_following(c, viewer->id, tag.id);
  return v;
}

}  // namespace

model::Tag find_or_create(store::Connection& c, std::string_view display_name, int64_t now) {
  if (!text::valid_hashtag_name(display_name)) throw Error::unprocessable("Validation failed: Name is invalid");
  return store::tags::find_or_create(c, text::normalize_hashtag(display_name), std::string(display_name), now);
}

model::TagView show(Context& ctx, std::string_view name, const std::optional<model::Account>& viewer) {
  std::string display = checked_name(name);
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  auto tag = store::tags::find_by_name(*conn, text::normalize_hashtag(display));
  if (!tag) {
    model::Tag unsaved;
    unsaved.name = text::normalize_hashtag(display);
    unsaved.display_name = display;
    return view_of(*conn, unsaved, viewer, now);
  }
  return view_of(*conn, *tag, viewer, now);
}

model::TagView follow(Context& ctx, std::string_view name, const model::Account& viewer) {
  std::string display = checked_name(name);
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  auto tag = store::in_transaction(*conn, [&] {
    auto t = find_or_create(*conn, display, now);
    store::tags::follow(*conn, viewer.id, t.id, now);
    return t;
  });
  return view_of(*conn, tag, viewer, now);
}

model::TagView unfollow(Context& ctx, std::string_view name, const model::Account& viewer) {
  std::string display = checked_name(name);
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  auto tag = store::in_transaction(*conn, [&] {
    auto t = find_or_create(*conn, display, now);
    store::tags::unfollow(*conn, viewer.id, t.id);
    return t;
  });
  return view_of(*conn, tag, viewer, now);
}

model::Paginated<model::TagView> followed(Context& ctx, const model::Account& viewer, const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  auto rows = store::tags::followed_page(*conn, viewer.id, page);
  model::Paginated<model::TagView> out;
  for (const auto& [follow_id, tag] : rows) {
    model::TagView v;
    v.tag = tag;
    v.history = store::tags::history(*conn, tag.id, today_start(now), kHistoryDays);
    v.following = true;
    out.items.push_back(std::move(v));
  }
  if (!rows.empty()) {
    out.prev_since_id = rows.front().first;
    if (static_cast<int>(rows.size()) == page.limit) out.next_max_id = rows.back().first;
  }
  return out;
}

std::vector<model::FeaturedTag> featured(Context& ctx, const model::Account& viewer) {
  auto conn = ctx.db.acquire();
  return store::tags::featured_of(*conn, viewer.id);
}

model::FeaturedTag feature(Context& ctx, const model::Account& viewer, const std::string& name) {
  if (!text::valid_hashtag_name(name)) throw Error::unprocessable("Validation failed: Name is invalid");
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  return store::in_transaction(*conn, [&] {
    auto tag = find_or_create(*conn, name, now);
    if (auto existing = store::tags::find_featured_by_tag(*conn, viewer.id, tag.id)) return *existing;
    if (store::tags::count_featured(*conn, viewer.id) >= model::Limits::max_featured_tags)
      throw Error::unprocessable("Validation failed: You have already featured the maximum number of hashtags");
    return store::tags::insert_featured(*conn, viewer.id, tag, now);
  });
}

void unfeature(Context& ctx, const model::Account& viewer, int64_t featured_id) {
  auto conn = ctx.db.acquire();
  if (!store::tags::find_featured(*conn, viewer.id, featured_id)) throw Error::not_found();
  store::tags::remove_featured(*conn, featured_id);
}

std::vector<model::TagView> suggestions(Context& ctx, const model::Account& viewer) {
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  std::vector<model::TagView> out;
  for (const auto& tag : store::tags::suggested_for(*conn, viewer.id, kMaxSuggestions))
    out.push_back(view_of(*conn, tag, viewer, now));
  return out;
}

std::vector<model::FeaturedTag> featured_of(Context& ctx, std::string_view account_id) {
  auto account = find_account(ctx, account_id);
  if (account.suspended_at) return {};
  auto conn = ctx.db.acquire();
  return store::tags::featured_of(*conn, account.id);
}

}  // namespace agora::services::tags
