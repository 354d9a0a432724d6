#include "model/account.h"

#include <boost/json.hpp>

namespace agora::model {

const char* role_name(Role role) {
  switch (role) {
    case Role::user: return "user";
    case Role::moderator: return "moderator";
    case Role::admin: return "admin";
    case Role::owner: return "owner";
  }
  return "user";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "user") return Role::user;
  if (name == "moderator") return Role::moderator;
  if (name == "admin") return Role::admin;
  if (name == "owner") return Role::owner;
  return std::nullopt;
}

Preferences parse_preferences(const std::string& json) {
  Preferences p;
  std::error_code ec;
  boost::json::value v = boost::json::parse(json, ec);
  if (ec || !v.is_object()) return p;
  const auto& o = v.as_object();
  auto text = [&](const char* key) -> std::optional<std::string> {
    auto it = o.find(key);
    if (it == o.end() || !it->value().is_string()) return std::nullopt;
    return std::string(it->value().as_string());
  };
  auto flag = [&](const char* key, bool fallback) {
    auto it = o.find(key);
    return it != o.end() && it->value().is_bool() ? it->value().as_bool() : fallback;
  };
  p.default_visibility = text("posting:default:visibility");
  p.default_sensitive = flag("posting:default:sensitive", false);
  p.default_language = text("posting:default:language");
  p.expand_media = text("reading:expand:media").value_or("default");
  p.expand_spoilers = flag("reading:expand:spoilers", false);
  p.autoplay_gifs = flag("reading:autoplay:gifs", false);
  p.noindex = flag("noindex", false);
  return p;
}

std::string default_visibility(const Preferences& p, const Account& a) {
  if (p.default_visibility) return *p.default_visibility;
  return a.locked ? "private" : "public";
}

}  // namespace agora::model
