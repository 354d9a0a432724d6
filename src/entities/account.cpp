#include "entities/account.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/custom_emoji.h"
#include "model/profile_images.h"
#include "model/role.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

constexpr const char* kMissingAvatar = "/avatars/original/missing.png";
constexpr const char* kMissingHeader = "/headers/original/missing.png";

// Our copy of the image; Mastodon shows the placeholder, not the remote
// original, until (or unless) a remote image is cached.
std::string image_url(const std::string& file, const RenderContext& rc, const char* missing) {
  if (!file.empty()) return rc.media_url(file);
  return rc.base_url + missing;
}

// [{name, value, verified_at}] from stored JSON, tolerating anything else.
json::array fields(const std::string& stored, const json::storage_ptr& sp) {
  std::error_code ec;
  json::value parsed = json::parse(stored, ec, sp);
  json::array out(sp);
  if (ec || !parsed.is_array()) return out;
  for (const auto& f : parsed.as_array()) {
    if (!f.is_object()) continue;
    const auto& o = f.as_object();
    auto get = [&](const char* key, json::value fallback) { return o.contains(key) ? o.at(key) : fallback; };
    out.push_back(json::object(
        {{"name", get("name", "")}, {"value", get("value", "")}, {"verified_at", get("verified_at", nullptr)}}, sp));
  }
  return out;
}

json::value nullable(const std::optional<bool>& b) { return b ? json::value(*b) : json::value(nullptr); }

// Mastodon shows the day an account was created, not the moment.
int64_t midnight(int64_t ms) { return ms - ((ms % 86400000) + 86400000) % 86400000; }

// The attributes, in Mastodon's order; suspended accounts show nothing of themselves.
json::object attributes(const model::Account& a, const RenderContext& rc) {
  bool gone = a.suspended_at.has_value();
  // A GIF stays animated; its still is what the _static URLs show (model/profile_images.h).
  std::string avatar_file = gone ? "" : a.avatar_file, header_file = gone ? "" : a.header_file;
  std::string avatar = image_url(avatar_file, rc, kMissingAvatar);
  std::string header = image_url(header_file, rc, kMissingHeader);
  json::object o({
      {"id", std::to_string(a.id)},
      {"username", a.username},
      {"acct", a.acct()},
      {"display_name", gone ? "" : a.display_name},
      {"locked", !gone && a.locked},
      {"bot", !gone && a.bot()},
      {"discoverable", gone ? json::value(false) : nullable(a.discoverable)},
      {"indexable", !gone && a.indexable},
      {"group", a.group()},
      {"created_at", format_iso8601(midnight(a.created_at))},
      {"note", gone ? "" : a.note},
      {"url", a.url.empty() ? a.uri : a.url},
      {"uri", a.uri},
      {"avatar", avatar},
      {"avatar_static", image_url(model::still_key(avatar_file), rc, kMissingAvatar)},
      {"header", header},
      {"header_static", image_url(model::still_key(header_file), rc, kMissingHeader)},
      {"followers_count", a.followers_count},
      {"following_count", a.following_count},
      {"statuses_count", a.statuses_count},
      {"last_status_at", a.last_status_at ? json::value(format_date(*a.last_status_at)) : json::value(nullptr)},
      {"hide_collections", nullable(a.hide_collections)},
  }, rc.storage);
  if (gone) o["suspended"] = true;
  if (a.silenced_at) o["limited"] = true;
  if (a.local()) o["noindex"] = a.noindex;
  if (a.memorial) o["memorial"] = true;
  return o;
}

// The associations, which Mastodon's serializer renders after every attribute.
void add_associations(json::object& o, const model::Account& a, const RenderContext& rc) {
  bool gone = a.suspended_at.has_value();
  if (a.moved_to && !gone) {
    model::Account target = *a.moved_to;
    target.moved_to.reset();  // one level only
    o["moved"] = account(target, rc);
  }
  json::array emojis(rc.storage);
  if (!gone)
    for (const auto& e : a.emojis) emojis.push_back(custom_emoji(e, rc));
  o["emojis"] = std::move(emojis);
  if (a.local()) {
    json::array roles(rc.storage);
    // Mastodon's REST::AccountSerializer::RoleSerializer: the badge of a highlighted role only.
    if (!gone && a.user_role && a.user_role->highlighted)
      roles.push_back(json::object(
          {{"id", std::to_string(a.user_role->id)}, {"name", a.user_role->name}, {"color", a.user_role->color}},
          rc.storage));
    o["roles"] = std::move(roles);
  }
  o["fields"] = gone ? json::array(rc.storage) : fields(a.fields_json, rc.storage);
}

}  // namespace

json::object account(const model::Account& a, const RenderContext& rc) {
  json::object o = attributes(a, rc);
  add_associations(o, a, rc);
  return o;
}

json::object role(const model::UserRole& r) {
  // Mastodon's Role entity: the permissions the role grants (everyone's
  // included, all of them for an administrator).
  return {{"id", std::to_string(r.id)},
          {"name", r.name},
          {"permissions", std::to_string(r.computed_permissions())},
          {"color", r.color},
          {"highlighted", r.highlighted}};
}

json::object credential_account(const model::Account& a, const model::User& u, int64_t follow_requests_count,
                                 const RenderContext& rc) {
  json::object o = attributes(a, rc);
  auto prefs = model::parse_preferences(u.preferences_json);
  o["source"] = json::object{
      {"privacy", model::default_visibility(prefs, a)},
      {"sensitive", prefs.default_sensitive},
      {"language", prefs.default_language ? json::value(*prefs.default_language) : json::value(nullptr)},
      {"note", a.note_source},
      {"fields", fields(a.fields_source_json, rc.storage)},
      {"follow_requests_count", follow_requests_count},
      {"hide_collections", nullable(a.hide_collections)},
      {"discoverable", nullable(a.discoverable)},
      {"indexable", a.indexable},
  };
  add_associations(o, a, rc);
  // The store resolved the user's role, custom ones included.
  o["role"] = role(a.user_role ? *a.user_role : model::builtin_role(u.role));
  return o;
}

}  // namespace agora::entities
