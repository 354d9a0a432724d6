#include "activitypub/webfinger.h"

#include <boost/json/array.hpp>

#include "activitypub/context.h"

namespace agora::activitypub {

namespace json = boost::json;

json::object webfinger(const model::Account& a, const std::string& domain, const std::string& base_url) {
  json::array links{
      json::object{{"rel", "http://webfinger.net/rel/profile-page"}, {"type", "text/html"}, {"href", a.url}},
      json::object{{"rel", "self"}, {"type", kActivityJson}, {"href", a.uri}},
      json::object{{"rel", "http://ostatus.org/schema/1.0/subscribe"},
                   {"template", base_url + "/authorize_interaction?uri={uri}"}}};
  return {{"subject", "acct:" + a.username + "@" + domain},
          {"aliases", json::array{json::value(a.url), json::value(a.uri)}},
          {"links", std::move(links)}};
}

}  // namespace agora::activitypub
