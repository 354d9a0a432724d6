#include "services/actor_documents.h"

#include <map>

#include "activitypub/activities.h"
#include "activitypub/actor.h"
#include "activitypub/note.h"
#include "core/errors.h"
#include "core/time.h"
#include "services/account_emojis.h"
#include "services/account_lookup.h"
#include "services/account_moves.h"
#include "services/account_statuses.h"
#include "services/render_context.h"
#include "services/status_views.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/remote_accounts.h"
#include "store/statuses.h"
#include "store/tags.h"

namespace agora::services {

namespace {

std::vector<FederatedStatus> with_links(store::Connection& c, std::vector<model::StatusView> views) {
  std::vector<int64_t> parent_ids;
  for (const auto& v : views)
    if (v.status.in_reply_to_id) parent_ids.push_back(*v.status.in_reply_to_id);
  std::map<int64_t, std::string> parent_uris;
  for (const auto& p : store::statuses::find_many(c, parent_ids)) parent_uris[p.id] = p.uri;
  std::vector<FederatedStatus> out;
  for (auto& v : views) {
    FederatedStatus f{std::move(v), std::nullopt};
    if (f.view.status.in_reply_to_id) {
      auto it = parent_uris.find(*f.view.status.in_reply_to_id);
      if (it != parent_uris.end()) f.in_reply_to_uri = it->second;
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

model::Account local_actor(Context& ctx, std::string_view username) {
  auto lease = ctx.db.acquire();
  auto account = store::accounts::find_local(*lease, std::string(username));
  if (!account) throw Error::not_found();
  return *account;
}

boost::json::object local_actor_document(store::Connection& c, const Context& ctx, model::Account account) {
  attach_moved(c, account);
  attach_emojis(c, account);
  return activitypub::actor(account, store::remote_accounts::also_known_as(c, account.id), render_context(ctx));
}

model::Account webfinger_account(Context& ctx, std::string_view resource) {
  if (resource.empty()) throw Error::bad_request("Bad Request");
  std::string base = ctx.config.base_url();
  for (const char* prefix : {"/users/", "/@"}) {
    std::string start = base + prefix;
    if (resource.starts_with(start)) {
      auto username = resource.substr(start.size());
      if (username.empty() || username.find('/') != std::string_view::npos) throw Error::not_found();
      return local_actor(ctx, username);
    }
  }
  if (resource.starts_with("acct:")) resource.remove_prefix(5);
  auto acct = parse_acct(resource, ctx.config.domain);
  if (!acct || !acct->domain.empty()) throw Error::not_found();
  return local_actor(ctx, acct->username);
}

FederatedStatus federated_status(Context& ctx, std::string_view username, int64_t id, std::optional<int64_t> viewer) {
  auto author = local_actor(ctx, username);
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto status = store::statuses::find(c, id);
  if (!status || status->account_id != author.id || !status->local || status->reblog() || author.suspended_at ||
      !visibility::visible(c, viewer, *status))
    throw Error::not_found();
  return std::move(with_links(c, {load_status_view(c, viewer, *status)}).front());
}

model::Paginated<FederatedStatus> outbox(Context& ctx, const model::Account& account, const model::PageRequest& page,
                                        std::optional<int64_t> viewer) {
  AccountStatusesRequest request;
  request.page = page;
  auto statuses = account_statuses(ctx, viewer, account, request);
  auto lease = ctx.db.acquire();
  return {with_links(*lease, std::move(statuses.items)), statuses.next_max_id, statuses.prev_since_id};
}

boost::json::object outbox_activity(const FederatedStatus& f, const Context& ctx) {
  const auto& v = f.view;
  auto item = v.reblog ? activitypub::announce(v, v.reblog->status.uri, *v.reblog->account)
                       : activitypub::create_note(v, activitypub::note(v, {f.in_reply_to_uri, ctx.config.domain},
                                                                       render_context(ctx)));
  item.erase("@context");
  return item;
}

std::vector<FederatedStatus> featured(Context& ctx, const model::Account& account) {
  AccountStatusesRequest request;
  request.pinned = true;
  request.page.limit = 40;
  auto statuses = account_statuses(ctx, std::nullopt, account, request);
  auto lease = ctx.db.acquire();
  return with_links(*lease, std::move(statuses.items));
}

std::vector<model::FeaturedTag> featured_tags(Context& ctx, const model::Account& account) {
  auto lease = ctx.db.acquire();
  return store::tags::featured_of(*lease, account.id);
}

model::Paginated<std::string> relation_page(Context& ctx, const model::Account& account, Relation relation,
                                            const model::PageRequest& page) {
  if (account.suspended_at || account.hide_collections.value_or(false)) return {};
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto rows = relation == Relation::followers ? store::follows::followers(c, account.id, page, std::nullopt, now_ms())
                                              : store::follows::following(c, account.id, page, std::nullopt, now_ms());
  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.account_id);
  std::map<int64_t, std::string> uris;
  for (const auto& a : store::accounts::find_many(c, ids)) uris[a.id] = a.uri;
  model::Paginated<std::string> out;
  for (const auto& r : rows) out.items.push_back(uris[r.account_id]);
  if (!rows.empty()) out.prev_since_id = rows.front().row_id;
  if (static_cast<int>(rows.size()) == page.limit) out.next_max_id = rows.back().row_id;
  return out;
}

}  // namespace agora::services
