#include <boost/json.hpp>

#include "activitypub/parse_types.h"
#include "activitypub/parse_vocabulary.h"

namespace agora::activitypub {

namespace json = boost::json;

namespace {

// publicKey: one object, an array of them, or absent (a bare key id is useless
// without fetching, so it is skipped).
std::vector<PublicKey> public_keys(const json::object& doc) {
  std::vector<PublicKey> keys;
  for (const json::value* item : ld::items_of(ld::get(doc, "publicKey"))) {
    if (!item->is_object()) continue;
    const json::object& key = item->get_object();
    PublicKey k{ld::url_id(key, "id"), ld::url_id(key, "owner"), ld::text(key, "publicKeyPem")};
    if (!k.id.empty() && !k.pem.empty()) keys.push_back(std::move(k));
  }
  return keys;
}

std::vector<PropertyValue> profile_fields(const json::object& doc) {
  std::vector<PropertyValue> fields;
  for (const json::value* item : ld::items_of(ld::get(doc, "attachment"))) {
    if (!item->is_object() || !ld::has_type(item->get_object(), "PropertyValue")) continue;
    const json::object& field = item->get_object();
    std::string name = ld::text(field, "name");
    if (!name.empty()) fields.push_back({std::move(name), ld::text(field, "value")});
  }
  return fields;
}

std::string http_or_empty(std::string url) { return ld::is_http_url(url) ? url : std::string(); }

}  // namespace

ParseResult<Actor> parse_actor(const json::object& doc) {
  using R = ParseResult<Actor>;
  Actor a;
  a.id = ld::id_of(ld::get(doc, "id"));
  if (std::string problem = id_problem("id", a.id); !problem.empty()) return R::fail("actor: " + problem);
  a.type = ld::first_known_type(doc, actor_type_names());
  if (a.type.empty()) {
    auto types = ld::types_of(doc);
    return R::fail(types.empty() ? "actor: missing type" : "unsupported actor type " + types.front());
  }
  a.kind = *actor_type(a.type);
  a.preferred_username = ld::text(doc, "preferredUsername");
  if (a.preferred_username.empty()) return R::fail("actor: missing preferredUsername");
  a.name = ld::language_text(doc, "name", "nameMap");
  a.summary = ld::language_text(doc, "summary", "summaryMap");
  a.url = http_or_empty(ld::href_of(ld::get(doc, "url"), "text/html"));
  a.inbox = ld::url_id(doc, "inbox");
  a.outbox = ld::url_id(doc, "outbox");
  if (const json::value* endpoints = ld::get(doc, "endpoints"); endpoints && endpoints->is_object())
    a.shared_inbox = ld::url_id(endpoints->get_object(), "sharedInbox");
  if (a.shared_inbox.empty()) a.shared_inbox = ld::url_id(doc, "sharedInbox");  // Misskey
  a.followers = ld::url_id(doc, "followers");
  a.following = ld::url_id(doc, "following");
  a.featured = ld::url_id(doc, "featured");
  a.featured_tags = ld::url_id(doc, "featuredTags");
  a.public_keys = public_keys(doc);
  a.avatar_url = http_or_empty(ld::image_url(ld::get(doc, "icon")));
  a.header_url = http_or_empty(ld::image_url(ld::get(doc, "image")));
  a.manually_approves_followers = ld::boolean(ld::get(doc, "manuallyApprovesFollowers")).value_or(false);
  a.discoverable = ld::boolean(ld::get(doc, "discoverable")).value_or(false);
  a.indexable = ld::boolean(ld::get(doc, "indexable")).value_or(false);
  a.memorial = ld::boolean(ld::get(doc, "memorial")).value_or(false);
  a.suspended = ld::boolean(ld::get(doc, "suspended")).value_or(false);
  for (std::string& id : ld::ids_of(ld::get(doc, "alsoKnownAs")))
    if (ld::is_http_url(id)) a.also_known_as.push_back(std::move(id));
  a.moved_to = ld::url_id(doc, "movedTo");
  a.fields = profile_fields(doc);
  a.tags = parse_tags(doc);
  a.published = ld::timestamp(ld::get(doc, "published"));
  return R::ok(std::move(a));
}

}  // namespace agora::activitypub
