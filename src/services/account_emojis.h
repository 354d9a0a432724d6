// The custom emoji an account shows (Mastodon's Account#emojis): those named
// in its display name, bio and profile field names and values, ours for local
// accounts and its server's cached ones for remote accounts. Attached to the
// accounts before rendering, so serializers never query.
#pragma once
#include <string>
#include <vector>

#include "model/account.h"
#include "services/emoji_lookup.h"
#include "store/database.h"

namespace agora::services {

// The shortcodes the account's texts name, in order, repeats included.
std::vector<std::string> account_emoji_shortcodes(const model::Account& a);

// For loaders that gather emoji for more than accounts (status_views): ask, then take after lookup.load.
void want_account_emojis(EmojiLookup& lookup, const model::Account& a);
void take_account_emojis(const EmojiLookup& lookup, model::Account& a);

// One query per distinct domain among the accounts.
void attach_emojis(store::Connection& c, std::vector<model::Account>& accounts);
void attach_emojis(store::Connection& c, model::Account& account);

}  // namespace agora::services
