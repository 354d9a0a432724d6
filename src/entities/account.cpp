#include "entities/account.h"

#include <boost/json.hpp>

#include "core/time.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

std::string image_url(const std::string& file, const std::string& remote, const RenderContext& rc,
                      const char* missing) {
  if (!file.empty()) return rc.media_url(file);
  if (!remote.empty()) return remote;
  return rc.base_url + missing;
}

json::array fields(const model::Account& a) {
  std::error_code ec;
  json::value parsed = json::parse(a.fields_json, ec);
  json::array out;
  if (ec || !parsed.is_array()) return out;
  for (const auto& f : parsed.as_array()) {
    if (!f.is_object()) continue;
    const auto& o = f.as_object();
    json::object field{{"name", o.contains("name") ? o.at("name") : json::value("")},
                       {"value", o.contains("value") ? o.at("value") : json::value("")},
                       {"verified_at", o.contains("verified_at") ? o.at("verified_at") : json::value(nullptr)}};
    out.push_back(std::move(field));
  }
  return out;
}

// Mastodon shows the day an account was created, not the moment.
int64_t midnight(int64_t ms) { return ms - ((ms % 86400000) + 86400000) % 86400000; }

}  // namespace

json::object account(const model::Account& a, const RenderContext& rc) {
  std::string avatar = image_url(a.avatar_file, a.avatar_remote_url, rc, "/avatars/original/missing.png");
  std::string header = image_url(a.header_file, a.header_remote_url, rc, "/headers/original/missing.png");
  json::object o{
      {"id", std::to_string(a.id)},
      {"username", a.username},
      {"acct", a.acct()},
      {"display_name", a.display_name},
      {"locked", a.locked},
      {"bot", a.bot()},
      {"discoverable", a.discoverable ? json::value(*a.discoverable) : json::value(nullptr)},
      {"indexable", a.indexable},
      {"group", a.group()},
      {"created_at", format_iso8601(midnight(a.created_at))},
      {"note", a.note},
      {"url", a.url.empty() ? a.uri : a.url},
      {"uri", a.uri},
      {"avatar", avatar},
      {"avatar_static", avatar},
      {"header", header},
      {"header_static", header},
      {"followers_count", a.followers_count},
      {"following_count", a.following_count},
      {"statuses_count", a.statuses_count},
      {"last_status_at", a.last_status_at ? json::value(format_date(*a.last_status_at)) : json::value(nullptr)},
      {"hide_collections", a.hide_collections ? json::value(*a.hide_collections) : json::value(nullptr)},
      {"noindex", !a.indexable && a.local()},
      {"emojis", json::array()},
      {"roles", json::array()},
      {"fields", fields(a)},
  };
  if (a.memorial) o["memorial"] = true;
  if (a.suspended_at) {
    o["suspended"] = true;
    // A suspended account shows nothing of itself.
    o["display_name"] = "";
    o["note"] = "";
    o["fields"] = json::array();
  }
  if (a.silenced_at) o["limited"] = true;
  return o;
}

json::object role(model::Role r) {
  // Mastodon's permission bits: administrator = 1, the default "everyone" role = 65536 (invite users).
  switch (r) {
    case model::Role::owner:
      return {{"id", "3"}, {"name", "Owner"}, {"permissions", "1"}, {"color", ""}, {"highlighted", true}};
    case model::Role::admin:
      return {{"id", "2"}, {"name", "Admin"}, {"permissions", "1"}, {"color", ""}, {"highlighted", true}};
    case model::Role::moderator:
      return {{"id", "1"}, {"name", "Moderator"}, {"permissions", "1308"}, {"color", ""}, {"highlighted", true}};
    case model::Role::user:
      break;
  }
  return {{"id", "-99"}, {"name", ""}, {"permissions", "65536"}, {"color", ""}, {"highlighted", false}};
}

json::object credential_account(const model::Account& a, const model::User& u, int64_t follow_requests_count,
                                 const RenderContext& rc) {
  json::object o = account(a, rc);
  std::error_code ec;
  json::value prefs = json::parse(u.preferences_json, ec);
  if (ec || !prefs.is_object()) prefs = json::object();
  const auto& p = prefs.as_object();
  auto pref = [&](const char* key, json::value fallback) { return p.contains(key) ? p.at(key) : fallback; };
  o["source"] = json::object{
      {"privacy", pref("posting:default:visibility", "public")},
      {"sensitive", pref("posting:default:sensitive", false)},
      {"language", pref("posting:default:language", nullptr)},
      {"note", pref("note_source", "")},
      {"fields", pref("fields_source", json::array())},
      {"follow_requests_count", follow_requests_count},
      {"hide_collections", a.hide_collections ? json::value(*a.hide_collections) : json::value(nullptr)},
      {"discoverable", a.discoverable ? json::value(*a.discoverable) : json::value(nullptr)},
      {"indexable", a.indexable},
  };
  o["role"] = role(u.role);
  return o;
}

}  // namespace agora::entities
