#include "services/follows.h"

#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "core/languages.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/fanout.h"
#include "services/notify.h"
#include "services/outbound.h"
#include "services/relationships.h"
#include "store/accounts.h"
#include "store/blocks.h"
#include "store/endorsements.h"
#include "store/follows.h"
#include "store/lists.h"
#include "store/notifications.h"

namespace agora::services {

using store::follows::Table;

namespace {

// Languages as stored: distinct, supported (422 otherwise); empty means all.
std::optional<std::vector<std::string>> checked_languages(const std::optional<std::vector<std::string>>& asked) {
  if (!asked) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& code : *asked) {
    if (!supported_language(code)) throw Error::unprocessable("Validation failed: Languages is invalid");
    if (std::find(out.begin(), out.end(), code) == out.end()) out.push_back(code);
  }
  return out;
}

void apply_options(model::Follow& f, const model::FollowOptions& o,
                   const std::optional<std::vector<std::string>>& languages) {
  if (o.reblogs) f.show_reblogs = *o.reblogs;
  if (o.notify) f.notify = *o.notify;
  if (languages) f.languages = languages->empty() ? std::nullopt : languages;
}

// Mastodon's FollowLimitValidator.
void check_follow_limit(store::Connection& c, int64_t account_id) {
  auto fresh = store::accounts::find(c, account_id);
  if (!fresh) throw Error::not_found();
  int64_t limit = kFollowLimit;
  if (fresh->following_count >= kFollowLimit)
    limit = std::max<int64_t>(std::llround(static_cast<double>(fresh->followers_count) * 1.1), kFollowLimit);
  if (fresh->following_count >= limit)
    throw Error::unprocessable("Validation failed: You cannot follow more than " + std::to_string(limit) + " people");
}

model::Account find_or_404(store::Connection& c, int64_t id) {
  auto a = store::accounts::find(c, id);
  if (!a) throw Error::not_found();
  return *a;
}

}  // namespace

bool end_follow(store::Connection& c, const model::Account& follower, const model::Account& target, EndedBy by) {
  auto f = store::follows::remove(c, Table::follows, follower.id, target.id);
  if (!f) return false;
  store::notifications::remove(c, target.id, follower.id, "follow");
  store::endorsements::remove(c, follower.id, target.id);
  store::lists::remove_from_owner_lists(c, follower.id, target.id);  // lists hold followed accounts only
  unmerge_from_feeds(c, follower.id, target.id);
  if (by == EndedBy::follower) outbound::follow_undone(c, follower, target, *f);
  else outbound::follow_rejected(c, follower, target, *f);
  return true;
}

bool end_follow_request(store::Connection& c, const model::Account& follower, const model::Account& target,
                        EndedBy by) {
  auto r = store::follows::remove(c, Table::requests, follower.id, target.id);
  if (!r) return false;
  store::notifications::remove(c, target.id, follower.id, "follow_request");
  if (by == EndedBy::follower) outbound::follow_undone(c, follower, target, *r);
  else outbound::follow_rejected(c, follower, target, *r);
  return true;
}

void end_follows_between(store::Connection& c, const model::Account& account, const model::Account& other) {
  end_follow(c, account, other, EndedBy::follower);
  end_follow_request(c, account, other, EndedBy::follower);
  end_follow(c, other, account, EndedBy::target);
  end_follow_request(c, other, account, EndedBy::target);
}

model::Relationship follow(Context& ctx, const model::Account& viewer, int64_t target_id,
                           const model::FollowOptions& options) {
  auto languages = checked_languages(options.languages);
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto target = require_account(*conn, target_id);
    if (target.id == viewer.id || target.suspended_at) throw Error::not_found();
    if (store::blocks::exists(*conn, target.id, viewer.id) || store::blocks::exists(*conn, viewer.id, target.id) ||
        target.moved_to_account_id ||
        (!target.local() && store::domain_blocks_by_account::exists(*conn, viewer.id, target.domain)))
      throw Error::forbidden();

    // Following again (or asking again) only changes the options given.
    for (Table table : {Table::follows, Table::requests}) {
      if (auto existing = store::follows::find(*conn, table, viewer.id, target.id)) {
        apply_options(*existing, options, languages);
        store::follows::update_options(*conn, table, *existing);
        return;
      }
    }

    check_follow_limit(*conn, viewer.id);
    int64_t now = now_ms();
    model::Follow f;
    f.id = next_id();
    f.account_id = viewer.id;
    f.target_account_id = target.id;
    f.created_at = now;
    apply_options(f, options, languages);
    // A remote target always answers a Follow with Accept or Reject, so it starts as a request.
    bool ask = target.locked || viewer.silenced_at || !target.local();
    if (!target.local()) f.uri = ctx.config.base_url() + "/follows/" + std::to_string(f.id);
    if (!ask) {
      if (store::follows::insert(*conn, Table::follows, f)) {
        notify(*conn, target.id, viewer.id, "follow", now);
        merge_into_home(*conn, viewer.id, target.id);
      }
    } else if (store::follows::insert(*conn, Table::requests, f)) {
      if (target.local()) notify(*conn, target.id, viewer.id, "follow_request", now);
      else outbound::follow_requested(*conn, viewer, target, f);
    }
  });
  return relationship(*conn, viewer.id, target_id);
}

model::Relationship unfollow(Context& ctx, const model::Account& viewer, int64_t target_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto target = require_account(*conn, target_id);
    if (!end_follow(*conn, viewer, target, EndedBy::follower))
      end_follow_request(*conn, viewer, target, EndedBy::follower);
  });
  return relationship(*conn, viewer.id, target_id);
}

model::Relationship remove_from_followers(Context& ctx, const model::Account& viewer, int64_t follower_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto follower = require_account(*conn, follower_id);
    end_follow(*conn, follower, viewer, EndedBy::target);
  });
  return relationship(*conn, viewer.id, follower_id);
}

namespace {
// Turns a pending request into a follow; false if there was none.
bool accept_request(store::Connection& c, const model::Account& viewer, const model::Account& requester) {
  auto request = store::follows::remove(c, Table::requests, requester.id, viewer.id);
  if (!request) return false;
  store::notifications::remove(c, viewer.id, requester.id, "follow_request");
  int64_t now = now_ms();
  model::Follow f = *request;  // keeps the options the requester chose; no follow limit here, as Mastodon
  f.id = next_id();
  f.created_at = now;
  if (store::follows::insert(c, Table::follows, f)) {
    notify(c, viewer.id, requester.id, "follow", now);
    if (requester.local()) merge_into_home(c, requester.id, viewer.id);
  }
  outbound::follow_accepted(c, requester, viewer, f);
  return true;
}
}  // namespace

model::Relationship authorize_follow_request(Context& ctx, const model::Account& viewer, int64_t requester_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    if (!accept_request(*conn, viewer, find_or_404(*conn, requester_id))) throw Error::not_found();
  });
  return relationship(*conn, viewer.id, requester_id);
}

void accept_all_follow_requests(store::Connection& c, const model::Account& target) {
  for (int64_t id : store::follows::requester_ids(c, target.id))
    if (auto requester = store::accounts::find(c, id)) accept_request(c, target, *requester);
}

model::Relationship reject_follow_request(Context& ctx, const model::Account& viewer, int64_t requester_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto requester = find_or_404(*conn, requester_id);
    if (!end_follow_request(*conn, requester, viewer, EndedBy::target)) throw Error::not_found();
  });
  return relationship(*conn, viewer.id, requester_id);
}

model::Paginated<model::Account> follow_requests(Context& ctx, const model::Account& viewer,
                                                 const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  return account_page(*conn, store::follows::requests_to(*conn, viewer.id, page), page.limit);
}

namespace {

enum class Direction { followers, following };

model::Paginated<model::Account> collection(Context& ctx, const std::optional<model::Account>& viewer,
                                            int64_t account_id, const model::PageRequest& page, Direction d) {
  auto conn = ctx.db.acquire();
  auto account = find_or_404(*conn, account_id);
  bool own = viewer && viewer->id == account.id;
  if (account.suspended_at || (account.hide_collections.value_or(false) && !own) ||
      (viewer && store::blocks::exists(*conn, account.id, viewer->id)))
    return {};
  // The owner sees everyone; others do not see the accounts they block or mute.
  std::optional<int64_t> excluding = own || !viewer ? std::nullopt : std::optional<int64_t>(viewer->id);
  int64_t now = now_ms();
  auto entries = d == Direction::followers ? store::follows::followers(*conn, account.id, page, excluding, now)
                                           : store::follows::following(*conn, account.id, page, excluding, now);
  return account_page(*conn, entries, page.limit);
}

}  // namespace

model::Paginated<model::Account> followers(Context& ctx, const std::optional<model::Account>& viewer,
                                           int64_t account_id, const model::PageRequest& page) {
  return collection(ctx, viewer, account_id, page, Direction::followers);
}

model::Paginated<model::Account> following(Context& ctx, const std::optional<model::Account>& viewer,
                                           int64_t account_id, const model::PageRequest& page) {
  return collection(ctx, viewer, account_id, page, Direction::following);
}

}  // namespace agora::services
