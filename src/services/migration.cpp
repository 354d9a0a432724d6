#include "services/migration.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "activitypub/activities.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/time.h"
#include "services/account_lookup.h"
#include "services/delivery.h"
#include "services/follows.h"
#include "services/outbound.h"
#include "services/resolver.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/member_security.h"
#include "store/remote_accounts.h"

namespace agora::services {

namespace {

// The account a handle names: local, known, or fetched through WebFinger.
model::Account account_at(Context& ctx, const std::string& handle, resolver::Freshness freshness) {
  auto acct = parse_acct(handle, ctx.config.domain);
  if (!acct) throw Error::not_found();
  std::optional<model::Account> found;
  if (acct->domain.empty()) {
    auto lease = ctx.db.acquire();
    found = store::accounts::find_local(*lease, acct->username);
  } else if (freshness == resolver::Freshness::stored) {
    found = resolver::account_by_acct(ctx, acct->username, acct->domain);
  } else if (auto known = resolver::account_by_acct(ctx, acct->username, acct->domain)) {
    found = resolver::account_by_uri(ctx, known->uri, freshness);  // its aliases as they are now
  }
  if (!found || found->suspended_at) throw Error::not_found();
  return *found;
}

}  // namespace

void add_alias(Context& ctx, const model::Account& account, const std::string& handle) {
  auto alias = account_at(ctx, handle, resolver::Freshness::stored);
  if (alias.id == account.id) throw Error::unprocessable("Validation failed: Acct cannot be yourself");
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    auto aliases = store::remote_accounts::also_known_as(c, account.id);
    if (std::find(aliases.begin(), aliases.end(), alias.uri) != aliases.end()) return;
    aliases.push_back(alias.uri);
    store::remote_accounts::set_also_known_as(c, account.id, aliases, now_ms());
    if (auto fresh = store::accounts::find(c, account.id)) outbound::profile_updated(c, ctx, *fresh);
  });
}

std::vector<Alias> aliases(Context& ctx, const model::Account& account) {
  auto lease = ctx.db.acquire();
  std::vector<Alias> out;
  for (const auto& uri : store::remote_accounts::also_known_as(*lease, account.id)) {
    auto known = store::accounts::find_by_uri(*lease, uri);
    out.push_back({uri, known ? known->acct() : uri});
  }
  return out;
}

void remove_alias(Context& ctx, const model::Account& account, const std::string& uri) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    auto aliases = store::remote_accounts::also_known_as(c, account.id);
    auto it = std::find(aliases.begin(), aliases.end(), uri);
    if (it == aliases.end()) throw Error::not_found();
    aliases.erase(it);
    store::remote_accounts::set_also_known_as(c, account.id, aliases, now_ms());
    if (auto fresh = store::accounts::find(c, account.id)) outbound::profile_updated(c, ctx, *fresh);
  });
}

std::optional<std::string> moved_to_acct(Context& ctx, const model::Account& account) {
  if (!account.moved_to_account_id) return std::nullopt;
  auto lease = ctx.db.acquire();
  auto target = store::accounts::find(*lease, *account.moved_to_account_id);
  return target ? std::optional(target->acct()) : std::nullopt;
}

std::optional<int64_t> move_cooldown_until(Context& ctx, const model::Account& account) {
  auto lease = ctx.db.acquire();
  auto last = store::member_security::latest_migration_at(*lease, account.id);
  if (!last || *last + kMoveCooldownMs <= now_ms()) return std::nullopt;
  return *last + kMoveCooldownMs;
}

model::Account move_account(Context& ctx, const model::Account& account, const std::string& handle) {
  if (move_cooldown_until(ctx, account)) throw Error::unprocessable("Validation failed: You are on cooldown");
  auto target = account_at(ctx, handle, resolver::Freshness::refresh);
  if (target.id == account.id) throw Error::unprocessable("Validation failed: Acct cannot be yourself");
  if (target.moved_to_account_id) throw Error::unprocessable("Validation failed: Acct has moved to another account");
  {
    auto lease = ctx.db.acquire();
    auto& c = *lease;
    auto aliases = store::remote_accounts::also_known_as(c, target.id);
    if (std::find(aliases.begin(), aliases.end(), account.uri) == aliases.end())
      throw Error::unprocessable("Validation failed: Acct must name this account among its aliases first");
    store::in_transaction(c, [&] {
      int64_t now = now_ms();
      store::remote_accounts::set_moved_to(c, account.id, target.id, now);
      store::member_security::insert_migration(c, account.id, target.id, target.acct(), now);
      delivery::to_followers(c, account, activitypub::move(account, target), {});
    });
  }
  move_local_followers(ctx, account, target);
  return target;
}

void move_local_followers(Context& ctx, const model::Account& from, const model::Account& to) {
  std::vector<int64_t> followers;
  {
    auto lease = ctx.db.acquire();
    followers = store::follows::local_follower_ids(*lease, from.id);
  }
  for (int64_t id : followers) {
    std::optional<model::Account> follower;
    {
      auto lease = ctx.db.acquire();
      follower = store::accounts::find(*lease, id);
    }
    if (!follower || follower->id == to.id) continue;
    try {
      follow(ctx, *follower, to.id, {});
    } catch (const std::exception& e) {
      log::info("move: {} could not follow {}: {}", follower->acct(), to.uri, e.what());
    }
    unfollow(ctx, *follower, from.id);
  }
}

}  // namespace agora::services
