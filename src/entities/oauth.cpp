#include "entities/oauth.h"

#include <boost/json/array.hpp>

namespace agora::entities {

namespace json = boost::json;

json::object token(const std::string& access_token, const std::string& scopes, int64_t created_at_ms) {
  json::object o;
  o["access_token"] = access_token;
  o["token_type"] = "Bearer";
  o["scope"] = scopes;
  o["created_at"] = created_at_ms / 1000;
  return o;
}

json::object oauth_metadata(const std::string& base_url, std::span<const std::string_view> scopes) {
  json::array scope_list;
  for (auto s : scopes) scope_list.emplace_back(s);
  json::object o;
  o["issuer"] = base_url + "/";
  o["authorization_endpoint"] = base_url + "/oauth/authorize";
  o["token_endpoint"] = base_url + "/oauth/token";
  o["revocation_endpoint"] = base_url + "/oauth/revoke";
  o["scopes_supported"] = std::move(scope_list);
  o["response_types_supported"] = json::array{"code"};
  o["response_modes_supported"] = json::array{"query", "fragment"};
  o["grant_types_supported"] = json::array{"authorization_code", "password", "client_credentials"};
  o["token_endpoint_auth_methods_supported"] = json::array{"client_secret_basic", "client_secret_post"};
  o["code_challenge_methods_supported"] = json::array{"S256"};
  o["service_documentation"] = "https://docs.joinmastodon.org/";
  o["app_registration_endpoint"] = base_url + "/api/v1/apps";
  return o;
}

}  // namespace agora::entities
