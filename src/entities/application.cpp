#include "entities/application.h"

#include <boost/json/array.hpp>

namespace agora::entities {

namespace json = boost::json;

namespace {
json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return out;
}

std::string joined_lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "\n") + s;
  return out;
}
}  // namespace

json::object application(const model::OAuthApplication& app, const std::string& vapid_key) {
  json::object o;
  o["id"] = std::to_string(app.id);
  o["name"] = app.name;
  o["website"] = app.website.empty() ? json::value(nullptr) : json::value(app.website);
  o["scopes"] = strings(app.scopes);
  o["redirect_uris"] = strings(app.redirect_uris);
  o["vapid_key"] = vapid_key;
  o["redirect_uri"] = joined_lines(app.redirect_uris);
  return o;
}

json::object credential_application(const model::OAuthApplication& app, const std::string& vapid_key) {
  json::object o = application(app, vapid_key);
  o["client_id"] = app.client_id;
  o["client_secret"] = app.client_secret;
  o["client_secret_expires_at"] = 0;
  return o;
}

}  // namespace agora::entities
