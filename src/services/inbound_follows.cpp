#include "services/inbound_follows.h"

#include "core/snowflake.h"
#include "core/time.h"
#include "services/fanout.h"
#include "services/follows.h"
#include "services/notify.h"
#include "services/outbound.h"
#include "store/blocks.h"
#include "store/follows.h"

namespace agora::services::inbound {

using store::follows::Table;

void follow(store::Connection& c, const model::Account& follower, const model::Account& target,
            const std::string& follow_uri) {
  model::Follow f;
  f.id = next_id();
  f.account_id = follower.id;
  f.target_account_id = target.id;
  f.uri = follow_uri;
  f.created_at = now_ms();
  if (target.suspended_at || store::blocks::exists(c, target.id, follower.id) ||
      store::blocks::exists(c, follower.id, target.id)) {
    outbound::follow_rejected(c, follower, target, f);
    return;
  }
  if (auto existing = store::follows::find(c, Table::follows, follower.id, target.id)) {
    existing->uri = follow_uri;
    outbound::follow_accepted(c, follower, target, *existing);
    return;
  }
  if (target.locked || target.moved_to_account_id) {
    if (store::follows::insert(c, Table::requests, f)) notify(c, target.id, follower.id, "follow_request", f.created_at);
    return;
  }
  if (store::follows::insert(c, Table::follows, f)) notify(c, target.id, follower.id, "follow", f.created_at);
  outbound::follow_accepted(c, follower, target, f);
}

bool follow_accepted(store::Connection& c, const model::Account& follower, const model::Account& target) {
  auto request = store::follows::remove(c, Table::requests, follower.id, target.id);
  if (!request) return store::follows::find(c, Table::follows, follower.id, target.id).has_value();
  model::Follow f = *request;
  f.id = next_id();
  f.created_at = now_ms();
  if (store::follows::insert(c, Table::follows, f)) merge_into_home(c, follower.id, target.id);
  return true;
}

void follow_rejected(store::Connection& c, const model::Account& follower, const model::Account& target) {
  if (!end_follow(c, follower, target, EndedBy::target)) end_follow_request(c, follower, target, EndedBy::target);
}

bool follow_undone(store::Connection& c, const model::Account& follower, const model::Account& target) {
  return end_follow(c, follower, target, EndedBy::follower) ||
         end_follow_request(c, follower, target, EndedBy::follower);
}

void blocked(store::Connection& c, const model::Account& account, const model::Account& target) {
  end_follows_between(c, account, target);
  store::blocks::insert(c, account.id, target.id, now_ms());
}

void unblocked(store::Connection& c, const model::Account& account, const model::Account& target) {
  store::blocks::remove(c, account.id, target.id);
}

}  // namespace agora::services::inbound
