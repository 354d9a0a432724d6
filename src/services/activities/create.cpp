// Create, Update and Delete: statuses (and poll votes) arriving, changing and
// going; Update and Delete of the actor itself.
#include <algorithm>

#include "activitypub/parse_origin.h"
#include "activitypub/parse_vocabulary.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/activities/handlers.h"
#include "services/follows.h"
#include "services/incoming_status.h"
#include "services/outbound_statuses.h"
#include "services/remote_statuses.h"
#include "services/resolver.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/polls.h"
#include "store/remote_accounts.h"
#include "store/statuses.h"

namespace agora::services::activities {

namespace {

// The embedded object, if it is a status-like object the signer wrote on its own server.
std::optional<activitypub::Object> own_object(const model::Account& signer, const activitypub::Activity& a) {
  if (!a.embedded_object) return std::nullopt;
  auto o = activitypub::parse_object(*a.embedded_object);
  if (!o) return std::nullopt;
  if (!activitypub::same_origin(o->id, signer.uri)) return std::nullopt;
  if (!o->attributed_to.empty() && o->attributed_to != signer.uri) return std::nullopt;
  return *o.value;
}

// A vote on one of our polls arrives as a Note with the option's name and no content.
bool record_vote(store::Connection& c, const Context& ctx, const model::Account& voter, const activitypub::Object& o) {
  if (o.name.empty() || !o.content.empty() || o.in_reply_to.empty()) return false;
  auto status = store::statuses::find_by_uri(c, o.in_reply_to);
  if (!status || !status->local || !status->poll_id) return false;
  auto poll = store::polls::find(c, *status->poll_id);
  if (!poll || (poll->expires_at && *poll->expires_at <= now_ms())) return true;
  auto choice = std::find(poll->options.begin(), poll->options.end(), o.name);
  if (choice == poll->options.end()) return true;
  store::polls::lock(c, poll->id, now_ms());
  auto earlier = store::polls::votes_of(c, voter.id, {poll->id})[poll->id];
  int index = static_cast<int>(choice - poll->options.begin());
  bool repeated = std::find(earlier.begin(), earlier.end(), index) != earlier.end();
  if (repeated || (!poll->multiple && !earlier.empty())) return true;
  store::polls::insert_vote(c, poll->id, voter.id, index, now_ms());
  store::polls::recount(c, poll->id, poll->options.size());
  outbound::poll_tallies_changed(c, ctx, *status);
  return true;
}

// Mastodon's related_to_local_activity?: a post is kept only when someone
// here follows its author, it mentions or addresses someone here, or it
// answers a post by someone here or by someone followed here. Anything else
// would be spam nobody asked for.
bool concerns_us(store::Connection& c, const model::Account& author, const remote::IncomingStatus& in,
                 const activitypub::Object& o, const std::string& base_url) {
  if (store::follows::has_local_followers(c, author.id)) return true;
  for (const auto& a : store::accounts::find_many(c, in.mentioned_ids))
    if (a.local()) return true;
  for (const auto* audience : {&o.to, &o.cc})
    for (const auto& uri : *audience)
      if (uri.starts_with(base_url + "/users/") && local_account(c, uri)) return true;
  if (in.in_reply_to_id)
    if (auto parent = store::statuses::find(c, *in.in_reply_to_id))
      return parent->local || store::follows::has_local_followers(c, parent->account_id);
  return false;
}

}  // namespace

void on_create(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  auto o = own_object(signer, a);
  if (!o) {
    // Sent by reference: fetch it from its origin, which checks it.
    if (!a.embedded_object && activitypub::same_origin(a.object, signer.uri)) resolver::status_by_uri(ctx, a.object);
    return;
  }
  // The thread it answers, fetched before the transaction (bounded depth).
  if (!o->in_reply_to.empty()) resolver::status_by_uri(ctx, o->in_reply_to, 2);
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    if (record_vote(c, ctx, signer, *o)) return;
    auto in = incoming_status(c, *o, signer, ctx.config.base_url());
    if (concerns_us(c, signer, in, *o, ctx.config.base_url())) remote::create(c, signer, in);
  });
}

void on_update(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  if (a.object == signer.uri) {
    // A profile change: believe the actor's own server, not the embedded copy.
    resolver::account_by_uri(ctx, signer.uri, resolver::Freshness::refresh);
    return;
  }
  auto o = own_object(signer, a);
  if (!o) return;
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] { remote::update(c, signer, incoming_status(c, *o, signer, ctx.config.base_url())); });
}

void on_delete(Context& ctx, const model::Account& signer, const activitypub::Activity& a) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  if (a.object == signer.uri) {
    // The whole account is gone: its statuses, and every follow with it.
    store::in_transaction(c, [&] {
      remote::remove_all(c, signer);
      for (const auto& other : store::accounts::find_many(c, store::follows::connected_ids(c, signer.id)))
        end_follows_between(c, signer, other);
      store::remote_accounts::mark_deleted(c, signer.id, now_ms());
    });
    return;
  }
  if (!activitypub::same_origin(a.object, signer.uri)) return;
  store::in_transaction(c, [&] { remote::remove(c, signer, a.object); });
}

}  // namespace agora::services::activities
