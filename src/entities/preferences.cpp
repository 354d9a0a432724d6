#include "entities/preferences.h"

#include <boost/json.hpp>

namespace agora::entities {

namespace json = boost::json;

json::object preferences(const model::Account& a, const model::User& u) {
  auto p = model::parse_preferences(u.preferences_json);
  return {
      {"posting:default:visibility", model::default_visibility(p, a)},
      {"posting:default:sensitive", p.default_sensitive},
      {"posting:default:language", p.default_language ? json::value(*p.default_language) : json::value(nullptr)},
      {"reading:expand:media", p.expand_media},
      {"reading:expand:spoilers", p.expand_spoilers},
      {"reading:autoplay:gifs", p.autoplay_gifs},
  };
}

}  // namespace agora::entities
