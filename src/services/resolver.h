// Fetching what other servers hold: actors (by id, key id or handle through
// WebFinger) and statuses, stored on first sight and refreshed when stale.
// Every fetch goes through the guarded client, is signed by the instance
// actor, and is believed only for its own origin: a document whose id is on
// another host than the URL it came from is refused. Suspended domains are
// never fetched. Blocking network calls: use from workers, or from request
// handlers only where Mastodon also resolves inline (lookup, search, inbox keys).
#pragma once
#include <optional>
#include <string>

#include "model/account.h"
#include "model/status.h"
#include "services/context.h"

namespace agora::services::resolver {

enum class Freshness { stored, refresh };

// The account with this actor id; a stored one unless `refresh` (or older than a day).
std::optional<model::Account> account_by_uri(Context& ctx, const std::string& uri,
                                             Freshness freshness = Freshness::stored);
// The account owning this key id (Mastodon's "#main-key", GoToSocial's "/main-key").
std::optional<model::Account> account_by_key_id(Context& ctx, const std::string& key_id,
                                                Freshness freshness = Freshness::stored);
// user@domain through WebFinger.
std::optional<model::Account> account_by_acct(Context& ctx, const std::string& username, const std::string& domain);
// A status by its ActivityPub id: stored (local or remote) or fetched with its
// author; parents of replies are fetched up to `depth` levels.
std::optional<model::Status> status_by_uri(Context& ctx, const std::string& uri, int depth = 3);

// True when federation with this host is suspended by a domain block.
bool suspended_domain(Context& ctx, const std::string& host);
// Mastodon's domain_not_allowed?: in limited federation mode (the setting
// limited_federation_mode), every host not in domain_allows; otherwise a
// suspended one. Nothing is fetched from, accepted from or sent to it.
bool domain_not_allowed(Context& ctx, const std::string& host);

}  // namespace agora::services::resolver
