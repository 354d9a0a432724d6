#include "services/notification_requests.h"

#include <algorithm>
#include <map>

#include "core/errors.h"
#include "core/time.h"
#include "services/rendered_accounts.h"
#include "services/status_views.h"
#include "services/validation.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/notification_policies.h"
#include "store/notifications.h"
#include "store/statement.h"
#include "store/statuses.h"

namespace agora::services {

namespace {

// Mastodon's NotificationPolicy::MAX_MEANINGFUL_COUNT.
constexpr int64_t kMaxMeaningfulCount = 100;

void with_summary(store::Connection& c, int64_t account_id, model::NotificationPolicy& p) {
  p.pending_requests_count = store::notification_policies::count_requests(c, account_id, kMaxMeaningfulCount);
  p.pending_notifications_count =
      store::notifications::count_filtered(c, account_id, std::nullopt, kMaxMeaningfulCount);
}

void apply(Validation& v, const std::optional<std::string>& value, const char* field, const char* label,
           std::string& target) {
  if (!value) return;
  if (*value == "accept" || *value == "filter" || *value == "drop")
    target = *value;
  else
    v.add(field, label, "ERR_INCLUSION", "is not included in the list");
}

std::vector<model::NotificationRequestView> views_of(store::Connection& c, const model::Account& me,
                                                     const std::vector<model::NotificationRequest>& requests) {
  std::vector<int64_t> account_ids, status_ids;
  for (const auto& r : requests) {
    account_ids.push_back(r.from_account_id);
    if (r.last_status_id) status_ids.push_back(*r.last_status_id);
  }
  auto accounts = load_rendered_accounts(c, account_ids);
  std::map<int64_t, std::shared_ptr<const model::StatusView>> statuses;
  if (!status_ids.empty())
    for (auto& v : load_status_views(c, me.id, visibility::visible(c, me.id, store::statuses::find_many(c, status_ids)))) {
      int64_t id = v.status.id;
      statuses.emplace(id, std::make_shared<const model::StatusView>(std::move(v)));
    }
  std::vector<model::NotificationRequestView> out;
  for (const auto& r : requests) {
    auto a = accounts.find(r.from_account_id);
    if (a == accounts.end()) continue;
    model::NotificationRequestView v{r, a->second, nullptr};
    if (r.last_status_id)
      if (auto s = statuses.find(*r.last_status_id); s != statuses.end()) v.last_status = s->second;
    out.push_back(std::move(v));
  }
  return out;
}

template <class Resolve>
void resolve_requests(Context& ctx, const model::Account& me, const std::vector<int64_t>& ids, bool must_exist,
                      Resolve resolve) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    std::vector<int64_t> wanted(ids.begin(), ids.begin() + std::min(ids.size(), store::kMaxIdList));
    auto found = store::notification_policies::find_requests(c, me.id, wanted);
    if (must_exist && found.empty()) throw Error::not_found();
    for (const auto& r : found) {
      resolve(c, r);
      store::notification_policies::remove_request(c, r.id);
    }
  });
}

}  // namespace

model::NotificationPolicy notification_policy(Context& ctx, const model::Account& me) {
  auto lease = ctx.db.acquire();
  auto p = store::notification_policies::find(*lease, me.id);
  with_summary(*lease, me.id, p);
  return p;
}

model::NotificationPolicy update_notification_policy(Context& ctx, const model::Account& me,
                                                     const PolicyChange& change) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  return store::in_transaction(c, [&] {
    auto p = store::notification_policies::find(c, me.id);
    Validation v;
    apply(v, change.for_not_following, "for_not_following", "For not following", p.for_not_following);
    apply(v, change.for_not_followers, "for_not_followers", "For not followers", p.for_not_followers);
    apply(v, change.for_new_accounts, "for_new_accounts", "For new accounts", p.for_new_accounts);
    apply(v, change.for_private_mentions, "for_private_mentions", "For private mentions", p.for_private_mentions);
    apply(v, change.for_limited_accounts, "for_limited_accounts", "For limited accounts", p.for_limited_accounts);
    v.throw_if_failed(false);
    store::notification_policies::save(c, me.id, p, now_ms());
    with_summary(c, me.id, p);
    return p;
  });
}

model::Paginated<model::NotificationRequestView> notification_requests(Context& ctx, const model::Account& me,
                                                                       const model::PageRequest& page) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto read = store::notification_policies::requests(c, me.id, page);
  model::Paginated<model::NotificationRequestView> out;
  if (read.empty()) return out;
  out.prev_since_id = read.front().id;
  out.next_max_id = read.back().id;
  out.items = views_of(c, me, read);
  return out;
}

model::NotificationRequestView notification_request(Context& ctx, const model::Account& me, int64_t id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto r = store::notification_policies::find_request(c, me.id, id);
  if (!r) throw Error::not_found();
  auto views = views_of(c, me, {*r});
  if (views.empty()) throw Error::not_found();
  return views.front();
}

void accept_notification_requests(Context& ctx, const model::Account& me, const std::vector<int64_t>& ids,
                                  bool must_exist) {
  int64_t now = now_ms();
  resolve_requests(ctx, me, ids, must_exist, [&](store::Connection& c, const model::NotificationRequest& r) {
    store::notification_policies::permit(c, me.id, r.from_account_id, now);
    store::notifications::unfilter(c, me.id, r.from_account_id);
  });
}

void dismiss_notification_requests(Context& ctx, const model::Account& me, const std::vector<int64_t>& ids,
                                   bool must_exist) {
  resolve_requests(ctx, me, ids, must_exist, [&](store::Connection& c, const model::NotificationRequest& r) {
    store::notifications::remove_filtered(c, me.id, r.from_account_id);
  });
}

}  // namespace agora::services
