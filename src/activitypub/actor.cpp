#include "activitypub/actor.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include "activitypub/context.h"

namespace agora::activitypub {

namespace json = boost::json;

namespace {

std::string media_type_of(const std::string& url) {
  auto dot = url.rfind('.');
  std::string ext = dot == std::string::npos ? "" : url.substr(dot + 1);
  if (ext == "png") return "image/png";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "avif") return "image/avif";
  return "image/jpeg";
}

// PropertyValue attachments from the stored [{name, value (HTML)}] fields.
json::array property_values(const std::string& fields_json) {
  json::array out;
  std::error_code ec;
  json::value parsed = json::parse(fields_json, ec);
  if (ec || !parsed.is_array()) return out;
  for (const auto& f : parsed.as_array()) {
    if (!f.is_object()) continue;
    const auto* name = f.as_object().if_contains("name");
    const auto* value = f.as_object().if_contains("value");
    if (!name || !value || !name->is_string() || !value->is_string()) continue;
    out.push_back(json::object{{"type", "PropertyValue"}, {"name", *name}, {"value", *value}});
  }
  return out;
}

json::object public_key(const model::Account& a) {
  return {{"id", a.key_id.empty() ? a.uri + "#main-key" : a.key_id}, {"owner", a.uri}, {"publicKeyPem", a.public_key_pem}};
}

// Mastodon gives the date the account was created, at midnight.
std::string published_date(int64_t ms) { return timestamp(ms - ms % 86'400'000); }

}  // namespace

json::object image(const std::string& url) {
  return {{"type", "Image"}, {"mediaType", media_type_of(url)}, {"url", url}};
}

json::object emoji_tag(const model::CustomEmoji& e, const entities::RenderContext& rc) {
  return {{"id", rc.base_url + "/emojis/" + std::to_string(e.id)},
          {"type", "Emoji"},
          {"name", ":" + e.shortcode + ":"},
          {"icon", image(rc.file_or_url(e.image_url))}};
}

json::object actor(const model::Account& a, const std::vector<std::string>& also_known_as,
                   const entities::RenderContext& rc) {
  bool suspended = a.suspended_at.has_value();
  json::object o;
  o["@context"] = actor_context();
  o["id"] = a.uri;
  o["type"] = a.actor_type;
  o["following"] = a.uri + "/following";
  o["followers"] = a.followers_url.empty() ? a.uri + "/followers" : a.followers_url;
  o["inbox"] = a.inbox_url.empty() ? a.uri + "/inbox" : a.inbox_url;
  o["outbox"] = a.uri + "/outbox";
  o["featured"] = a.uri + "/collections/featured";
  o["featuredTags"] = a.uri + "/collections/tags";
  o["preferredUsername"] = a.username;
  o["name"] = suspended ? "" : a.display_name;
  o["summary"] = suspended ? "" : a.note;
  o["url"] = a.url;
  o["manuallyApprovesFollowers"] = a.locked;
  o["discoverable"] = a.discoverable.value_or(false);
  o["indexable"] = a.indexable;
  o["published"] = published_date(a.created_at);
  o["memorial"] = a.memorial;
  if (suspended) o["suspended"] = true;
  o["publicKey"] = public_key(a);
  json::array tags;
  if (!suspended)
    for (const auto& e : a.emojis) tags.push_back(emoji_tag(e, rc));
  o["tag"] = std::move(tags);
  o["attachment"] = suspended ? json::array{} : property_values(a.fields_json);
  o["endpoints"] = json::object{{"sharedInbox", rc.base_url + "/inbox"}};
  if (!also_known_as.empty()) {
    json::array aka;
    for (const auto& uri : also_known_as) aka.push_back(json::value(uri));
    o["alsoKnownAs"] = std::move(aka);
  }
  if (a.moved_to) o["movedTo"] = a.moved_to->uri;
  if (!suspended && !a.avatar_file.empty()) o["icon"] = image(rc.media_url(a.avatar_file));
  if (!suspended && !a.header_file.empty()) o["image"] = image(rc.media_url(a.header_file));
  return o;
}

json::object instance_actor(const model::Account& a, const entities::RenderContext& rc) {
  json::object o;
  o["@context"] = actor_context();
  o["id"] = a.uri;
  o["type"] = "Application";
  o["inbox"] = a.uri + "/inbox";
  o["outbox"] = a.uri + "/outbox";
  o["preferredUsername"] = a.username;
  o["url"] = rc.base_url + "/about/more?instance_actor=true";
  o["manuallyApprovesFollowers"] = true;
  o["publicKey"] = public_key(a);
  o["endpoints"] = json::object{{"sharedInbox", rc.base_url + "/inbox"}};
  return o;
}

}  // namespace agora::activitypub
