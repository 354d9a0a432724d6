#include "services/resolver.h"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include "activitypub/parse_json_ld.h"
#include "activitypub/parse_origin.h"
#include "activitypub/parse_vocabulary.h"
#include "core/log.h"
#include "core/strings.h"
#include "core/time.h"
#include "core/utf8.h"
#include "federation/http_client.h"
#include "http/headers.h"
#include "services/incoming_status.h"
#include "services/instance_actor.h"
#include "services/remote_emoji.h"
#include "services/remote_media_cache.h"
#include "services/storage.h"
#include "store/accounts.h"
#include "store/domain_blocks.h"
#include "store/remote_accounts.h"
#include "store/settings.h"
#include "store/statuses.h"
#include "store/suspensions.h"
#include "text/sanitize.h"

namespace agora::services::resolver {

namespace json = boost::json;

namespace {

constexpr int64_t kStaleAfterMs = 24LL * 3600 * 1000;
constexpr size_t kMaxDisplayName = 500;
constexpr const char* kAccept =
    "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

struct Fetched {
  json::object document;
  std::string final_url;
};

// GET a document as the instance actor; nullopt (logged) for anything but a
// 2xx JSON object whose id, if any, is on the host it came from.
std::optional<Fetched> fetch_document(Context& ctx, const std::string& url, const char* accept = kAccept) {
  if (domain_not_allowed(ctx, activitypub::host_of(url))) return std::nullopt;
  auto self = instance_actor(ctx);
  federation::SigningKey key{self.account.key_id, self.private_key_pem};
  federation::OutboundRequest request;
  request.url = url;
  request.headers = {{"Accept", accept}};
  request.sign_as = &key;
  try {
    auto response = federation::HttpClient(federation::ClientSettings::from(ctx.config)).fetch(request);
    if (response.status < 200 || response.status > 299) {
      log::info("fetch {}: HTTP {}", url, response.status);
      return std::nullopt;
    }
    auto parsed = activitypub::parse_document(response.body);
    if (!parsed) {
      log::info("fetch {}: {}", url, parsed.error);
      return std::nullopt;
    }
    const auto* id = parsed->if_contains("id");
    if (id && id->is_string() && !activitypub::same_origin(std::string(id->as_string()), response.final_url)) {
      log::warn("fetch {}: the document's id is on another host than {}", url, response.final_url);
      return std::nullopt;
    }
    return Fetched{*parsed.value, response.final_url};
  } catch (const federation::FetchError& e) {
    log::info("fetch {}: {}", url, e.what());
    return std::nullopt;
  }
}

std::string fields_json(const std::vector<activitypub::PropertyValue>& fields) {
  json::array out;
  for (const auto& f : fields) {
    if (out.size() >= 16) break;
    out.push_back(json::object{{"name", std::string(utf8_prefix(f.name, 255))},
                               {"value", text::sanitize_remote_html(utf8_prefix(f.value, 2047))},
                               {"verified_at", nullptr}});
  }
  return json::serialize(out);
}

store::remote_accounts::Profile profile_of(const activitypub::Actor& a, const activitypub::PublicKey& key) {
  store::remote_accounts::Profile p;
  p.uri = a.id;
  p.username = a.preferred_username;
  p.domain = activitypub::host_of(a.id);
  p.actor_type = a.type.empty() ? "Person" : a.type;
  p.display_name = std::string(utf8_prefix(a.name, kMaxDisplayName));
  p.note = text::sanitize_remote_html(a.summary);
  p.fields_json = fields_json(a.fields);
  p.url = a.url.empty() ? a.id : a.url;
  p.inbox_url = a.inbox;
  p.outbox_url = a.outbox;
  p.shared_inbox_url = a.shared_inbox;
  p.followers_url = a.followers;
  p.following_url = a.following;
  p.featured_url = a.featured;
  p.public_key_pem = key.pem;
  p.key_id = key.id;
  p.avatar_remote_url = a.avatar_url;
  p.header_remote_url = a.header_url;
  p.locked = a.manually_approves_followers;
  p.discoverable = a.discoverable;
  p.indexable = a.indexable;
  p.memorial = a.memorial;
  json::array aka;
  for (const auto& uri : a.also_known_as) aka.push_back(json::value(uri));
  p.also_known_as_json = json::serialize(aka);
  return p;
}

// Stores an actor document fetched from (or sent by) its own origin.
std::optional<model::Account> store_actor(Context& ctx, const json::object& document) {
  auto actor = activitypub::parse_actor(document);
  if (!actor) {
    log::info("actor refused: {}", actor.error);
    return std::nullopt;
  }
  if (actor->preferred_username.empty() || actor->inbox.empty() || actor->public_keys.empty()) {
    log::info("actor refused: {} lacks a username, an inbox or a key", actor->id);
    return std::nullopt;
  }
  const auto& key = actor->public_keys.front();
  if (!activitypub::same_origin(key.id, actor->id)) {
    log::warn("actor refused: key {} is on another host than {}", key.id, actor->id);
    return std::nullopt;
  }
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto existing = store::accounts::find_by_uri(c, actor->id);
  if (existing && existing->local()) return existing;
  std::vector<std::string> replaced;  // cached copies of images the actor no longer shows
  int64_t id = store::in_transaction(c, [&] {
    auto profile = profile_of(*actor, key);
    int64_t now = now_ms();
    int64_t id = store::remote_accounts::upsert(c, profile, now);
    replaced = media_cache::refresh_profile_images(c, id, existing ? &*existing : nullptr);
    store::suspensions::follow_remote_flag(c, id, actor->suspended, now);
    remote_emoji::remember(c, profile.domain, actor->tags.emojis, now);  // of its name, bio and fields
    return id;
  });
  auto storage = file_storage(ctx);
  for (const auto& k : replaced) storage->remove(k);
  return store::accounts::find(c, id);
}

bool stale(const model::Account& a) { return a.updated_at < now_ms() - kStaleAfterMs; }

bool ours(Context& ctx, const std::string& uri) { return uri.starts_with(ctx.config.base_url() + "/"); }

}  // namespace

bool suspended_domain(Context& ctx, const std::string& host) {
  if (host.empty()) return false;
  auto lease = ctx.db.acquire();
  auto rule = store::domain_blocks::rule_for(*lease, ascii_lower(host));
  return rule && rule->severity == "suspend";
}

bool domain_not_allowed(Context& ctx, const std::string& host) {
  if (host.empty()) return false;
  {
    auto lease = ctx.db.acquire();
    auto limited = store::settings::find(*lease, "limited_federation_mode");
    if (limited && limited->value == "true") return !store::domain_blocks::allowed(*lease, ascii_lower(host));
  }
  return suspended_domain(ctx, host);
}

std::optional<model::Account> account_by_uri(Context& ctx, const std::string& uri, Freshness freshness) {
  {
    auto lease = ctx.db.acquire();
    auto stored = store::accounts::find_by_uri(*lease, uri);
    if (stored && (stored->local() || (freshness == Freshness::stored && !stale(*stored)))) return stored;
    if (ours(ctx, uri)) return std::nullopt;
  }
  auto fetched = fetch_document(ctx, uri);
  if (!fetched) return std::nullopt;
  return store_actor(ctx, fetched->document);
}

std::optional<model::Account> account_by_key_id(Context& ctx, const std::string& key_id, Freshness freshness) {
  if (freshness == Freshness::stored) {
    auto lease = ctx.db.acquire();
    if (auto stored = store::accounts::find_by_key_id(*lease, key_id)) return stored;
  }
  // The key's document: the actor itself (Mastodon's "#main-key"), or a key
  // object naming its owner (GoToSocial's "/main-key" may answer either).
  std::string url = key_id.substr(0, key_id.find('#'));
  auto fetched = fetch_document(ctx, url);
  if (!fetched) return std::nullopt;
  std::optional<model::Account> account;
  if (activitypub::document_kind(fetched->document) == activitypub::DocumentKind::actor) {
    account = store_actor(ctx, fetched->document);
  } else {
    std::string owner = activitypub::ld::url_id(fetched->document, "owner");
    if (owner.empty() || !activitypub::same_origin(owner, key_id)) return std::nullopt;
    account = account_by_uri(ctx, owner, Freshness::refresh);
  }
  if (!account || account->key_id != key_id) return std::nullopt;
  return account;
}

std::optional<model::Account> account_by_acct(Context& ctx, const std::string& username, const std::string& domain) {
  {
    auto lease = ctx.db.acquire();
    auto stored = store::accounts::find_by_acct(*lease, username, domain);
    if (stored && !stale(*stored)) return stored;
  }
  std::string scheme = ctx.config.scheme();
  auto fetched = fetch_document(ctx, scheme + "://" + domain + "/.well-known/webfinger?resource=acct:" + username + "@" +
                                         domain,
                                "application/jrd+json, application/json");
  if (!fetched) return std::nullopt;
  auto finger = activitypub::parse_webfinger(fetched->document);
  if (!finger || finger->self.empty()) return std::nullopt;
  auto account = account_by_uri(ctx, finger->self, Freshness::refresh);
  // The actor must live where the handle says (a server cannot claim others' users).
  if (!account || !http::iequals(account->domain, domain)) return std::nullopt;
  return account;
}

std::optional<model::Status> status_by_uri(Context& ctx, const std::string& uri, int depth) {
  {
    auto lease = ctx.db.acquire();
    if (auto stored = store::statuses::find_by_uri(*lease, uri)) return stored;
    if (ours(ctx, uri) || depth < 0) return std::nullopt;
  }
  auto fetched = fetch_document(ctx, uri);
  if (!fetched) return std::nullopt;
  auto object = activitypub::parse_object(fetched->document);
  if (!object || !activitypub::same_origin(object->id, object->attributed_to)) return std::nullopt;
  if (object->id != uri) {  // fetched by its page URL ("/@alice/1"): it may be known by its id
    auto lease = ctx.db.acquire();
    if (auto stored = store::statuses::find_by_uri(*lease, object->id)) return stored;
  }
  auto author = account_by_uri(ctx, object->attributed_to);
  if (!author) return std::nullopt;
  if (!object->in_reply_to.empty()) status_by_uri(ctx, object->in_reply_to, depth - 1);
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  return store::in_transaction(c, [&] {
    return remote::create(c, *author, incoming_status(c, *object, *author, ctx.config.base_url()));
  });
}

}  // namespace agora::services::resolver
