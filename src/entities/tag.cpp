#include "entities/tag.h"

#include <boost/json.hpp>

namespace agora::entities {

namespace json = boost::json;

json::object tag(const model::TagView& v, const RenderContext& rc) {
  json::array history;
  // Mastodon renders every number of the history as a string, the day in seconds.
  for (const auto& d : v.history)
    history.push_back(json::object{{"day", std::to_string(d.day / 1000)},
                                   {"uses", std::to_string(d.uses)},
                                   {"accounts", std::to_string(d.accounts)}});
  json::object o{{"id", std::to_string(v.tag.id)},
                 {"name", v.tag.display_name.empty() ? v.tag.name : v.tag.display_name},
                 {"url", rc.base_url + "/tags/" + v.tag.name},
                 {"history", std::move(history)}};
  if (v.following) o["following"] = *v.following;
  return o;
}

}  // namespace agora::entities
