// One handler per inbound activity type, as Mastodon's ActivityPub::Activity
// subclasses. Each checks that the activity only speaks for what its signer
// owns, resolves what it names, and applies the rule in services/.
#pragma once
#include <optional>
#include <string>

#include "activitypub/vocabulary.h"
#include "model/account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::activities {

using Handler = void (*)(Context& ctx, const model::Account& signer, const activitypub::Activity& a);

void on_follow(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_accept(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_reject(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_undo(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_create(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_update(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_delete(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_announce(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_like(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_block(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_flag(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_move(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_add(Context& ctx, const model::Account& signer, const activitypub::Activity& a);
void on_remove(Context& ctx, const model::Account& signer, const activitypub::Activity& a);

// Shared by the handlers: a local account by its actor id, a stored status by id.
std::optional<model::Account> local_account(store::Connection& c, const std::string& uri);

}  // namespace agora::services::activities
