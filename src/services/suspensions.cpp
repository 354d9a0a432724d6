#include "services/suspensions.h"

#include <stdexcept>

#include "activitypub/activities.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/account_deletion.h"
#include "services/actor_documents.h"
#include "services/delivery.h"
#include "services/follows.h"
#include "services/storage.h"
#include "store/accounts.h"
#include "store/admin_accounts.h"
#include "store/follows.h"
#include "store/suspensions.h"

namespace agora::services::suspensions {

namespace {

model::Account reloaded(store::Connection& c, int64_t id) {
  auto a = store::accounts::find(c, id);
  if (!a) throw std::runtime_error("account " + std::to_string(id) + " vanished");
  return *a;
}

// Update(actor) to the followers' servers, with the profile as it is now (suspended or not).
void distribute_actor(store::Connection& c, const Context& ctx, int64_t account_id) {
  auto account = reloaded(c, account_id);
  auto document = local_actor_document(c, ctx, account);
  delivery::to_followers(c, account, activitypub::update_actor(account, std::move(document)), {});
}

// Rejects the follows (and requests) `remote` has of local accounts: it keeps
// its home feed on its own server, so only this makes it stop receiving.
void reject_follows_of(store::Connection& c, const model::Account& remote) {
  for (const auto& local : store::accounts::find_many(c, store::follows::connected_ids(c, remote.id))) {
    if (!local.local()) continue;
    end_follow(c, remote, local, EndedBy::target);
    end_follow_request(c, remote, local, EndedBy::target);
  }
}

void schedule_cleanup(store::Connection& c, int64_t account_id) {
  jobs::Job job;
  job.kind = kCleanupJobKind;
  job.payload = {{"account_id", account_id}};
  job.delay_ms = kDeletionDelayMs;
  jobs::enqueue(c, job);
}

}  // namespace

void suspend(store::Connection& c, const Context& ctx, const model::Account& account, int64_t now) {
  if (!account.local()) reject_follows_of(c, account);  // before the flag: a suspended account hears nothing
  store::admin_accounts::set_suspended(c, account.id, now, "local");
  store::suspensions::request_deletion(c, account.id, now);
  schedule_cleanup(c, account.id);
  if (account.local()) distribute_actor(c, ctx, account.id);
}

void unsuspend(store::Connection& c, const Context& ctx, const model::Account& account) {
  store::admin_accounts::set_suspended(c, account.id, std::nullopt, "");
  store::suspensions::cancel_deletion(c, account.id);
  if (account.local()) distribute_actor(c, ctx, account.id);
}

void delete_when_due(Context& ctx, int64_t account_id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  store::in_transaction(c, [&] {
    auto requested = store::suspensions::deletion_requested_at(c, account_id);
    auto account = store::accounts::find(c, account_id);
    if (!requested || !account || !account->suspended_at) return;
    int64_t now = now_ms();
    if (*requested > now - kDeletionDelayMs) return;
    remove_stored_files_later(c, account_deletion::delete_in(c, *account, now, account_deletion::Member::keep));
  });
}

std::vector<std::string> suspend_domain(store::Connection& c, const std::string& domain, int64_t at) {
  std::vector<std::string> keys;
  for (const auto& remote : store::accounts::find_many(c, store::suspensions::unsuspended_on_domain(c, domain))) {
    // Mastodon's DeleteAccountService for a remote account: its follows of
    // local accounts are rejected, local follows of it undone.
    for (const auto& other : store::accounts::find_many(c, store::follows::connected_ids(c, remote.id)))
      if (other.local()) end_follows_between(c, other, remote);
    store::admin_accounts::set_suspended(c, remote.id, at, "local");
    auto held = account_deletion::delete_in(c, remote, at, account_deletion::Member::keep);
    keys.insert(keys.end(), held.begin(), held.end());
  }
  return keys;
}

void unsuspend_domain(store::Connection& c, const std::string& domain, int64_t at) {
  for (int64_t id : store::suspensions::suspended_on_domain_at(c, domain, at))
    store::admin_accounts::set_suspended(c, id, std::nullopt, "");
}

}  // namespace agora::services::suspensions
