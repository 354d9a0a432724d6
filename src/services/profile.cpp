#include "services/profile.h"

#include <boost/json.hpp>

#include <array>

#include "core/errors.h"
#include "core/time.h"
#include "core/utf8.h"
#include "media/image_type.h"
#include "model/profile_images.h"
#include "services/account_emojis.h"
#include "services/account_moves.h"
#include "services/follows.h"
#include "services/outbound.h"
#include "services/profile_images.h"
#include "services/profile_text.h"
#include "services/storage.h"
#include "services/validation.h"
#include "store/accounts.h"
#include "text/length.h"
#include "text/plain_text.h"

namespace agora::services {

namespace json = boost::json;

namespace {

constexpr int64_t kFollowRequestsShown = 40;  // Mastodon counts at most this many

bool blank(std::string_view s) { return text::strip(s).empty(); }

// Mastodon keeps a field's verification while its value stays the same.
json::value previous_verification(const json::array& old_fields, std::string_view value) {
  for (const auto& f : old_fields) {
    if (!f.is_object()) continue;
    const auto& o = f.as_object();
    auto v = o.find("value");
    auto at = o.find("verified_at");
    if (v != o.end() && v->value().is_string() && v->value().as_string() == value && at != o.end() &&
        !at->value().is_null())
      return at->value();
  }
  return nullptr;
}

// Blank pairs dropped; names and values stripped and cut to 255 characters.
std::vector<ProfileField> normalized(const std::vector<ProfileField>& fields) {
  std::vector<ProfileField> out;
  for (const auto& f : fields) {
    if (blank(f.name) && blank(f.value)) continue;
    out.push_back({std::string(utf8_prefix(text::strip(f.name), kMaxFieldLength)),
                   std::string(utf8_prefix(text::strip(f.value), kMaxFieldLength))});
  }
  return out;
}

// Paperclip's messages for an attachment that is too big or not an image.
void check_image(Validation& v, const std::optional<std::string>& bytes, const std::string& field,
                 const std::string& label) {
  if (!bytes) return;
  if (bytes->size() >= kMaxProfileImageBytes) {
    v.add(field + "_file_size", label + " file size", "ERR_LESS_THAN", "must be less than 2 MB");
    v.add(field, label, "ERR_LESS_THAN", "must be less than 2 MB");
  } else if (!media::sniff_image(*bytes)) {
    v.add(field + "_content_type", label + " content type", "ERR_INVALID", "is invalid");
    v.add(field, label, "ERR_INVALID", "is invalid");
  }
}

bool plausible_language(std::string_view code) {
  // ISO 639-1/-3 with an optional region or script: "en", "pt-BR", "zh-Hant".
  if (code.size() < 2 || code.size() > 16) return false;
  size_t i = 0;
  while (i < code.size() && code[i] >= 'a' && code[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  if (i == code.size()) return true;
  if (code[i] != '-' || i + 1 == code.size()) return false;
  for (++i; i < code.size(); ++i)
    if (!std::isalnum(static_cast<unsigned char>(code[i]))) return false;
  return true;
}

void validate(const ProfileUpdate& u, Validation& v) {
  check_image(v, u.avatar, "avatar", "Avatar");
  check_image(v, u.header, "header", "Header");
  if (u.display_name && utf8_length(text::strip(*u.display_name)) > kMaxDisplayNameLength)
    v.add("display_name", "Display name", "ERR_TOO_LONG", "is too long (maximum is 30 characters)");
  if (u.note && text::countable_length(text::strip(*u.note)) > kMaxNoteLength)
    v.add("note", "Note", "ERR_TOO_LONG", "is too long (maximum is 500 characters)");
  if (u.fields) {
    auto fields = normalized(*u.fields);
    if (fields.size() > kMaxProfileFields)
      v.add("fields", "Fields", "ERR_TOO_LONG", "is too long (maximum is 4 characters)");
    for (const auto& f : fields) {
      if (f.name.empty() && !f.value.empty()) {
        v.add("fields", "Fields", "ERR_FIELDS_WITH_VALUES_MISSING_LABELS", "contains values with missing labels");
        break;
      }
    }
  }
  static constexpr std::array kPrivacy = {"public", "unlisted", "private"};
  if (u.privacy && std::find(kPrivacy.begin(), kPrivacy.end(), *u.privacy) == kPrivacy.end())
    v.add("source[privacy]", "Source privacy", "ERR_INCLUSION", "is not included in the list");
  if (u.language && !u.language->empty() && !plausible_language(*u.language))
    v.add("source[language]", "Source language", "ERR_INCLUSION", "is not included in the list");
}

// Files written for this update: removed again if it fails.
struct NewFiles {
  const media::Storage& store;
  std::vector<std::string> keys;

  std::string put(int64_t account_id, ProfileImage which, const std::string& bytes) {
    bool avatar = which == ProfileImage::avatar;
    auto type = *media::sniff_image(bytes);
    std::string dir = std::string("accounts/") + (avatar ? "avatars/" : "headers/") + std::to_string(account_id);
    try {
      keys.push_back(store_profile_image(store, dir, {bytes, media::mime_type(type), media::extension(type)},
                                         avatar ? model::kAvatarPixels : model::kHeaderPixels));
    } catch (const media::Refused&) {  // a GIF whose still cannot be made: corrupt
      Validation v;
      v.add(avatar ? "avatar" : "header", avatar ? "Avatar" : "Header", "ERR_INVALID", "is invalid");
      v.throw_if_failed();
    }
    return keys.back();
  }
  void discard() {
    for (const auto& k : keys) remove_profile_image_files(store, k);
  }
};

// The rendered and the source forms of the new fields.
std::pair<std::string, std::string> fields_json(store::Connection& c, const Context& ctx,
                                                const std::vector<ProfileField>& fields,
                                                const std::string& old_source_json) {
  std::error_code ec;
  json::value old = json::parse(old_source_json, ec);
  json::array old_fields = !ec && old.is_array() ? old.as_array() : json::array();
  json::array rendered, source;
  for (const auto& f : fields) {
    json::value verified = previous_verification(old_fields, f.value);
    rendered.push_back(json::object{
        {"name", f.name}, {"value", render_field_value(c, ctx, f.value)}, {"verified_at", verified}});
    source.push_back(json::object{{"name", f.name}, {"value", f.value}, {"verified_at", verified}});
  }
  return {json::serialize(rendered), json::serialize(source)};
}

std::string merged_preferences(const std::string& stored, const ProfileUpdate& u) {
  std::error_code ec;
  json::value v = json::parse(stored, ec);
  json::object prefs = !ec && v.is_object() ? v.as_object() : json::object();
  if (u.privacy) prefs["posting:default:visibility"] = *u.privacy;
  if (u.sensitive) prefs["posting:default:sensitive"] = *u.sensitive;
  if (u.language) {
    if (u.language->empty()) prefs.erase("posting:default:language");
    else prefs["posting:default:language"] = *u.language;
  }
  return json::serialize(prefs);
}

const model::Account& signed_in_account(const Auth& auth) {
  if (!auth.account || !auth.user) throw Error::unprocessable("This method requires an authenticated user");
  return *auth.account;
}

}  // namespace

Credentials credentials(Context& ctx, const Auth& auth) {
  int64_t account_id = signed_in_account(auth).id;
  auto conn = ctx.db.acquire();
  auto account = store::accounts::find(*conn, account_id);
  auto user = store::accounts::find_user(*conn, auth.user->id);
  if (!account || !user) throw Error::not_found();
  attach_moved(*conn, *account);
  attach_emojis(*conn, *account);
  return {*account, *user, store::accounts::count_follow_requests(*conn, account_id, kFollowRequestsShown)};
}

Credentials update_profile(Context& ctx, const Auth& auth, const ProfileUpdate& u) {
  int64_t account_id = signed_in_account(auth).id;
  Validation v;
  validate(u, v);
  v.throw_if_failed();

  auto files = file_storage(ctx);
  NewFiles written{*files, {}};
  std::vector<std::string> replaced;
  try {
    std::optional<std::string> avatar_key, header_key;
    if (u.avatar) avatar_key = written.put(account_id, ProfileImage::avatar, *u.avatar);
    if (u.header) header_key = written.put(account_id, ProfileImage::header, *u.header);

    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      auto account = store::accounts::find(*conn, account_id);
      if (!account) throw Error::not_found();
      model::Account& a = *account;
      bool was_locked = a.locked;
      if (u.display_name) a.display_name = std::string(text::strip(*u.display_name));
      if (u.note) {
        a.note_source = std::string(text::strip(*u.note));
        a.note = render_bio(*conn, ctx, a.note_source);
      }
      if (u.fields) std::tie(a.fields_json, a.fields_source_json) = fields_json(*conn, ctx, normalized(*u.fields), a.fields_source_json);
      if (u.locked) a.locked = *u.locked;
      if (u.bot) a.actor_type = *u.bot ? "Service" : "Person";
      if (u.discoverable) a.discoverable = *u.discoverable;
      if (u.indexable) a.indexable = *u.indexable;
      if (u.hide_collections) a.hide_collections = *u.hide_collections;
      if (avatar_key) {
        if (!a.avatar_file.empty()) replaced.push_back(a.avatar_file);
        a.avatar_file = *avatar_key;
      }
      if (header_key) {
        if (!a.header_file.empty()) replaced.push_back(a.header_file);
        a.header_file = *header_key;
      }
      int64_t now = now_ms();
      store::accounts::save_profile(*conn, a, now);
      if (was_locked && !a.locked) accept_all_follow_requests(*conn, a);
      a.updated_at = now;
      outbound::profile_updated(*conn, ctx, a);
      if (u.privacy || u.sensitive || u.language) {
        auto user = store::accounts::find_user(*conn, auth.user->id);
        if (!user) throw Error::not_found();
        store::accounts::save_preferences(*conn, user->id, merged_preferences(user->preferences_json, u), now);
      }
    });
  } catch (...) {
    written.discard();
    throw;
  }
  for (const auto& key : replaced) remove_profile_image_files(*files, key);
  return credentials(ctx, auth);
}

Credentials remove_profile_image(Context& ctx, const Auth& auth, ProfileImage which) {
  int64_t account_id = signed_in_account(auth).id;
  std::string old_key;
  {
    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      auto account = store::accounts::find(*conn, account_id);
      if (!account) throw Error::not_found();
      std::string& file = which == ProfileImage::avatar ? account->avatar_file : account->header_file;
      old_key = std::exchange(file, "");
      if (!old_key.empty()) {
        account->updated_at = now_ms();
        store::accounts::save_profile(*conn, *account, account->updated_at);
        outbound::profile_updated(*conn, ctx, *account);
      }
    });
  }
  if (!old_key.empty()) remove_profile_image_files(*file_storage(ctx), old_key);
  return credentials(ctx, auth);
}

}  // namespace agora::services
