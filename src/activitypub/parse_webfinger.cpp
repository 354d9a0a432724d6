#include <boost/json.hpp>

#include "activitypub/parse_vocabulary.h"

namespace agora::activitypub {

namespace json = boost::json;

namespace {

constexpr std::string_view kProfilePage = "http://webfinger.net/rel/profile-page";
constexpr std::string_view kSubscribe = "http://ostatus.org/schema/1.0/subscribe";

// application/activity+json, or application/ld+json with the ActivityStreams profile.
bool activitypub_media_type(std::string_view type) {
  return type == "application/activity+json" || type.starts_with("application/ld+json");
}

}  // namespace

ParseResult<WebFinger> parse_webfinger(const json::object& doc) {
  using R = ParseResult<WebFinger>;
  WebFinger w;
  w.subject = ld::text(doc, "subject");
  if (w.subject.empty()) return R::fail("webfinger: missing subject");
  for (const json::value* alias : ld::items_of(ld::get(doc, "aliases")))
    if (alias->is_string() && alias->get_string().size() <= kMaxUrlLength) w.aliases.emplace_back(alias->get_string());
  for (const json::value* item : ld::items_of(ld::get(doc, "links"))) {
    if (!item->is_object()) continue;
    const json::object& link = item->get_object();
    std::string rel = ld::text(link, "rel");
    if (rel == "self" && w.self.empty() && activitypub_media_type(ld::text(link, "type")))
      w.self = ld::url_id(link, "href");
    else if (rel == kProfilePage && w.profile_page.empty())
      w.profile_page = ld::url_id(link, "href");
    else if (rel == kSubscribe && w.subscribe_template.empty())
      w.subscribe_template = ld::text(link, "template");
  }
  if (w.self.empty()) return R::fail("webfinger: no ActivityPub self link");
  return R::ok(std::move(w));
}

}  // namespace agora::activitypub
