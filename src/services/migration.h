// Account migration, as Mastodon's settings: aliases (the accounts this one
// may be moved from) and moving an account to another one. A Move is only
// believed when the new account names the old one among its aliases, on
// both sides: here before sending, and by the servers that receive it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "services/context.h"

namespace agora::services {

// Adds the account at `handle` ("bob@other.example", fetched if need be) to
// `account`'s aliases. 404 when it cannot be found, 422 for itself.
void add_alias(Context& ctx, const model::Account& account, const std::string& handle);

// The accounts `account` names as aliases: their actor ids and handles (the
// id when the account is not known here).
struct Alias {
  std::string uri;
  std::string acct;
};
std::vector<Alias> aliases(Context& ctx, const model::Account& account);
// Drops the alias with actor id `uri`; 404 when there is none.
void remove_alias(Context& ctx, const model::Account& account, const std::string& uri);

// The handle of the account `account` moved to, if it moved.
std::optional<std::string> moved_to_acct(Context& ctx, const model::Account& account);

// Mastodon's AccountMigration::COOLDOWN_PERIOD: one move per 30 days.
inline constexpr int64_t kMoveCooldownMs = 30LL * 24 * 3600 * 1000;
// When the account may move again; nullopt when it may now.
std::optional<int64_t> move_cooldown_until(Context& ctx, const model::Account& account);

// Moves `account` to the account at `handle`: marks it moved, sends Move to
// its followers, and takes its local followers along. 404 when the target
// cannot be found; 422 when it is itself, has moved or does not name
// `account` as an alias, or while the cooldown of an earlier move lasts.
model::Account move_account(Context& ctx, const model::Account& account, const std::string& handle);

// Local followers of `from` follow `to` instead (a request when `to` is
// locked), as Mastodon's MoveWorker.
void move_local_followers(Context& ctx, const model::Account& from, const model::Account& to);

}  // namespace agora::services
