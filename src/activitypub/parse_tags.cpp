// The `tag` property and audiences: shared by objects, actors and activities.
#include <boost/json.hpp>

#include "activitypub/parse_vocabulary.h"

namespace agora::activitypub {

namespace json = boost::json;

namespace {

std::string strip(std::string s, char c) {
  std::erase(s, c);
  return s;
}

}  // namespace

Tags parse_tags(const json::object& doc) {
  Tags tags;
  // Pixelfed and Kroeg send a single tag object instead of an array.
  for (const json::value* item : ld::items_of(ld::get(doc, "tag"))) {
    if (!item->is_object()) continue;
    const json::object& tag = item->get_object();
    std::string name = ld::text(tag, "name");
    if (ld::has_type(tag, "Mention")) {
      std::string href = ld::url_id(tag, "href");
      if (!href.empty()) tags.mentions.push_back({std::move(href), std::move(name)});
    } else if (ld::has_type(tag, "Hashtag")) {
      name = strip(std::move(name), '#');
      if (!name.empty()) tags.hashtags.push_back({std::move(name), ld::url_id(tag, "href")});
    } else if (ld::has_type(tag, "Emoji")) {
      std::string icon = ld::image_url(ld::get(tag, "icon"));
      name = strip(std::move(name), ':');
      if (!name.empty() && ld::is_http_url(icon))
        tags.emojis.push_back({std::move(name), std::move(icon), ld::url_id(tag, "id"),
                               ld::timestamp(ld::get(tag, "updated"))});
    }
  }
  return tags;
}

bool is_public_collection(std::string_view id) {
  return id == kPublic || id == "as:Public" || id == "Public";
}

model::Visibility derive_visibility(const std::vector<std::string>& to, const std::vector<std::string>& cc,
                                    std::string_view followers_url) {
  auto any_public = [](const std::vector<std::string>& ids) {
    for (const std::string& id : ids)
      if (is_public_collection(id)) return true;
    return false;
  };
  if (any_public(to)) return model::Visibility::public_;
  if (any_public(cc)) return model::Visibility::unlisted;
  if (!followers_url.empty())
    for (const std::string& id : to)
      if (id == followers_url) return model::Visibility::private_;
  return model::Visibility::direct;
}

}  // namespace agora::activitypub
