// GETs of what other servers read here: WebFinger, actors, statuses as
// objects, and the actors' collections, with content negotiation (browsers
// are sent to the profile or status page).
#include <boost/json/array.hpp>

#include "activitypub/activities.h"
#include "activitypub/actor.h"
#include "activitypub/collections.h"
#include "activitypub/note.h"
#include "activitypub/webfinger.h"
#include "core/errors.h"
#include "core/strings.h"
#include "http/params.h"
#include "inbox/fetch_access.h"
#include "inbox/inbox.h"
#include "inbox/negotiation.h"
#include "services/actor_documents.h"
#include "services/instance_actor.h"
#include "services/render_context.h"
#include "core/snowflake.h"

namespace agora::inbox {

namespace json = boost::json;

namespace {

constexpr int kCollectionPageSize = 20;

int64_t status_id_param(const http::Request& req) {
  auto id = parse_id(req.path_param("id"));
  if (!id) throw Error::not_found();
  return *id;
}

model::PageRequest page_request(const http::Request& req) {
  model::PageRequest page;
  page.max_id = http::param_int(req.params, "max_id");
  page.min_id = http::param_int(req.params, "min_id");
  page.limit = kCollectionPageSize;
  return page;
}

bool page_asked(const http::Request& req) {
  return req.params.contains("page") || req.params.contains("max_id") || req.params.contains("min_id");
}

// Public and unlisted statuses may sit in shared caches; others were shown to one signer.
bool shareable(const model::Status& s) {
  return s.visibility == model::Visibility::public_ || s.visibility == model::Visibility::unlisted;
}

json::object note_of(const services::FederatedStatus& f, const Config& config, const entities::RenderContext& rc) {
  return activitypub::note(f.view, {f.in_reply_to_uri, config.domain}, rc);
}

// A collection of a page of items, or its summary with a link to the first page.
template <class Items>
http::Response collection(const FetchAccess& access, const http::Request& req, const std::string& id, int64_t total,
                          Items load_page) {
  if (!page_asked(req)) return access.answer(activitypub::ordered_collection(id, total, id + "?page=true"));
  auto [items, next_max_id, prev_id] = load_page(page_request(req));
  activitypub::CollectionPage page{id + "?" + req.query, id, std::move(items), std::nullopt, std::nullopt};
  if (next_max_id) page.next = id + "?page=true&max_id=" + std::to_string(*next_max_id);
  if (prev_id) page.prev = id + "?page=true&min_id=" + std::to_string(*prev_id);
  auto doc = activitypub::ordered_collection_page(std::move(page));
  doc["totalItems"] = total;
  return access.answer(doc);
}

struct PageItems {
  json::array items;
  std::optional<int64_t> next_max_id, prev_id;
};

}  // namespace

void register_actor_routes(http::Router& router, services::Context& ctx, const BrowserPages& pages) {
  auto rc = [&ctx] { return services::render_context(ctx); };

  router.get("/.well-known/webfinger", [&ctx](http::Request& req) {
    auto resource = http::param_string(req.params, "resource").value_or("");
    auto account = services::webfinger_account(ctx, resource);
    auto r = http::Response::json(activitypub::webfinger(account, ctx.config.domain, ctx.config.base_url()));
    r.headers.set("Content-Type", "application/jrd+json; charset=utf-8");
    r.headers.set("Cache-Control", "max-age=259200, public");
    r.headers.set("Vary", "Origin");
    return r;
  });

  auto actor = [&ctx](http::Request& req) {
    auto account = services::local_actor(ctx, req.path_param("username"));
    if (!wants_activity_json(req)) return redirect_for(ctx, account.url);
    FetchAccess access(ctx, req);
    auto lease = ctx.db.acquire();
    return access.answer(services::local_actor_document(*lease, ctx, account));
  };
  router.get("/users/:username", actor);
  // The profile and status pages answer ActivityPub too, as Mastodon's do:
  // a pasted link resolves.
  router.get("/@:username", [actor, page = pages.profile](http::Request& req) {
    return wants_activity_json(req) ? actor(req) : page(req);
  });

  // Open even in authorized fetch mode (as Mastodon's): other servers verify
  // the signatures of our fetches with its key, fetched unsigned.
  router.get("/actor", [&ctx, rc](http::Request& req) {
    auto self = services::instance_actor(ctx);
    if (!wants_activity_json(req)) return redirect_to(self.account.url);
    return activity_json(activitypub::instance_actor(self.account, rc()));
  });

  // The signer is the viewer: a follower's server may fetch a followers-only
  // status, a mentioned account's server a direct one.
  auto status_object = [&ctx, rc](http::Request& req) {
    FetchAccess access(ctx, req);
    auto f = services::federated_status(ctx, req.path_param("username"), status_id_param(req), access.viewer());
    return access.answer(activitypub::note_document(f.view, {f.in_reply_to_uri, ctx.config.domain}, rc()),
                         shareable(f.view.status));
  };
  router.get("/users/:username/statuses/:id", [&ctx, status_object](http::Request& req) {
    if (wants_activity_json(req)) return status_object(req);
    auto f = services::federated_status(ctx, req.path_param("username"), status_id_param(req), std::nullopt);
    return redirect_for(ctx, f.view.status.url);
  });
  router.get("/@:username/:id", [status_object, page = pages.status](http::Request& req) {
    return wants_activity_json(req) ? status_object(req) : page(req);
  });

  router.get("/users/:username/statuses/:id/activity", [&ctx, rc](http::Request& req) {
    FetchAccess access(ctx, req);
    auto f = services::federated_status(ctx, req.path_param("username"), status_id_param(req), access.viewer());
    return access.answer(activitypub::create_note(f.view, note_of(f, ctx.config, rc())), shareable(f.view.status));
  });

  router.get("/users/:username/outbox", [&ctx, rc](http::Request& req) {
    auto account = services::local_actor(ctx, req.path_param("username"));
    FetchAccess access(ctx, req);
    return collection(access, req, account.uri + "/outbox", account.statuses_count, [&](const model::PageRequest& p) {
      auto page = services::outbox(ctx, account, p);
      PageItems out{{}, page.next_max_id, page.prev_since_id};
      for (const auto& f : page.items) out.items.push_back(services::outbox_activity(f, ctx));
      return out;
    });
  });

  for (auto [path, relation] : {std::pair{"followers", services::Relation::followers},
                                std::pair{"following", services::Relation::following}}) {
    router.get(std::string("/users/:username/") + path, [&ctx, path, relation](http::Request& req) {
      auto account = services::local_actor(ctx, req.path_param("username"));
      FetchAccess access(ctx, req);
      int64_t total = relation == services::Relation::followers ? account.followers_count : account.following_count;
      return collection(access, req, account.uri + "/" + path, total, [&](const model::PageRequest& p) {
        auto page = services::relation_page(ctx, account, relation, p);
        PageItems out{{}, page.next_max_id, page.prev_since_id};
        for (auto& uri : page.items) out.items.push_back(json::value(uri));
        return out;
      });
    });
  }

  router.get("/users/:username/collections/featured", [&ctx, rc](http::Request& req) {
    auto account = services::local_actor(ctx, req.path_param("username"));
    FetchAccess access(ctx, req);
    json::array items;
    for (const auto& f : services::featured(ctx, account)) items.push_back(note_of(f, ctx.config, rc()));
    int64_t total = static_cast<int64_t>(items.size());
    return access.answer(
        activitypub::ordered_collection(account.uri + "/collections/featured", total, std::nullopt, std::move(items)));
  });

  router.get("/users/:username/collections/tags", [&ctx](http::Request& req) {
    auto account = services::local_actor(ctx, req.path_param("username"));
    FetchAccess access(ctx, req);
    json::array items;
    for (const auto& t : services::featured_tags(ctx, account))
      items.push_back(json::object{{"type", "Hashtag"},
                                   {"href", ctx.config.base_url() + "/tags/" + t.tag.name},
                                   {"name", "#" + t.tag.display_name}});
    int64_t total = static_cast<int64_t>(items.size());
    auto doc = activitypub::ordered_collection(account.uri + "/collections/tags", total, std::nullopt, std::move(items));
    doc["type"] = "Collection";
    doc["items"] = doc["orderedItems"];
    doc.erase("orderedItems");
    return access.answer(doc);
  });
}

}  // namespace agora::inbox
