// What other servers read here: local actors, their statuses as objects, and
// their collections (outbox, followers, following, featured). Every status
// goes through the one visibility rule, so a fetch never shows more than the
// REST API would show the same viewer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "model/account.h"
#include "model/pagination.h"
#include "model/status.h"
#include "model/tag_views.h"
#include "services/context.h"

namespace agora::services {

// A local account by username; 404 for unknown ones.
model::Account local_actor(Context& ctx, std::string_view username);
// Its actor document, with its aliases and the account it moved to.
boost::json::object local_actor_document(store::Connection& c, const Context& ctx, model::Account account);

// The local account a WebFinger `resource` names: acct:user@domain (with or
// without "acct:"), or the account's actor id or profile URL. 400 for a
// missing resource, 404 for anything not ours.
model::Account webfinger_account(Context& ctx, std::string_view resource);

// A status ready to render as an object: the view and the ids it links to.
struct FederatedStatus {
  model::StatusView view;
  std::optional<std::string> in_reply_to_uri;
};

// A local status of `username` that `viewer` (nullopt: an anonymous fetch)
// may see; 404 otherwise, also when the id belongs to someone else.
FederatedStatus federated_status(Context& ctx, std::string_view username, int64_t id, std::optional<int64_t> viewer);

// The account's posts and boosts as `viewer` may read them, newest first:
// public and unlisted ones for federation, all of them for the account's own archive.
model::Paginated<FederatedStatus> outbox(Context& ctx, const model::Account& account, const model::PageRequest& page,
                                        std::optional<int64_t> viewer = std::nullopt);
// An outbox item: a Create for a post, an Announce for a boost (no @context).
boost::json::object outbox_activity(const FederatedStatus& f, const Context& ctx);
// The pinned statuses, as Mastodon's featured collection.
std::vector<FederatedStatus> featured(Context& ctx, const model::Account& account);
std::vector<model::FeaturedTag> featured_tags(Context& ctx, const model::Account& account);

// Actor ids of followers / followed accounts; empty pages when the member hides them.
enum class Relation { followers, following };
model::Paginated<std::string> relation_page(Context& ctx, const model::Account& account, Relation relation,
                                            const model::PageRequest& page);

}  // namespace agora::services
