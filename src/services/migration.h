// Account migration, as Mastodon's settings: aliases (the accounts this one
// may be moved from) and moving an account to another one. A Move is only
// believed when the new account names the old one among its aliases, on
// both sides: here before sending, and by the servers that receive it.
#pragma once
#include <string>
#include <vector>

#include "model/account.h"
#include "services/context.h"

namespace agora::services {

// Adds the account at `handle` ("bob@other.example", fetched if need be) to
// `account`'s aliases. 404 when it cannot be found, 422 for itself.
void add_alias(Context& ctx, const model::Account& account, const std::string& handle);

// Moves `account` to the account at `handle`: marks it moved, sends Move to
// its followers, and takes its local followers along. 404 when the target
// cannot be found; 422 when it is itself, has moved or does not name
// `account` as an alias.
model::Account move_account(Context& ctx, const model::Account& account, const std::string& handle);

// Local followers of `from` follow `to` instead (a request when `to` is
// locked), as Mastodon's MoveWorker.
void move_local_followers(Context& ctx, const model::Account& from, const model::Account& to);

}  // namespace agora::services
