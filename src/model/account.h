// Plain data of accounts and the users who sign in to local ones.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/tag.h"

namespace agora::model {

enum class Role { user, moderator, admin, owner };
struct UserRole;  // model/role.h

// An account as stored, local (domain empty) or remote.
struct Account {
  int64_t id = 0;
  std::string username;
  std::string domain;  // empty for local accounts
  std::string actor_type = "Person";
  std::string display_name;
  std::string note;         // sanitized HTML
  std::string note_source;  // as the member typed it (local accounts)
  std::string fields_json = "[]";         // [{name, value (HTML), verified_at}]
  std::string fields_source_json = "[]";  // [{name, value (as typed), verified_at}] (local accounts)
  std::string uri;
  std::string url;
  std::string inbox_url;
  std::string shared_inbox_url;
  std::string followers_url;
  std::string public_key_pem;
  std::string key_id;
  std::string avatar_file, avatar_remote_url, header_file, header_remote_url;
  bool locked = false;
  std::optional<bool> discoverable;
  bool indexable = false;
  std::optional<bool> hide_collections;
  bool memorial = false;
  // A moderator marked its media sensitive (Mastodon's Account#sensitized?).
  bool sensitized = false;
  std::optional<int64_t> moved_to_account_id;
  std::optional<int64_t> suspended_at;
  std::optional<int64_t> silenced_at;
  int64_t followers_count = 0;
  int64_t following_count = 0;
  int64_t statuses_count = 0;
  std::optional<int64_t> last_status_at;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  // The role of a local account's user, built-in or custom (none for remote
  // ones); the store resolves it so that every entity shows the same role.
  std::shared_ptr<const UserRole> user_role;
  bool noindex = false;  // the member asked search engines not to index the profile
  // The account this one moved to, when a service loaded it for rendering.
  std::shared_ptr<const Account> moved_to;
  // The custom emoji of its name, bio and fields, when a service loaded them (services/account_emojis.h).
  std::vector<CustomEmoji> emojis;

  bool local() const { return domain.empty(); }
  bool bot() const { return actor_type == "Service" || actor_type == "Application"; }
  bool group() const { return actor_type == "Group"; }
  // "alice" for local accounts, "alice@example.org" for remote ones.
  std::string acct() const { return local() ? username : username + "@" + domain; }
};

// The person who signs in to a local account.
struct User {
  int64_t id = 0;
  int64_t account_id = 0;
  std::string email;
  std::string password_hash;
  Role role = Role::user;
  std::string locale;
  std::optional<int64_t> confirmed_at;
  bool approved = true;
  bool disabled = false;
  bool otp_enabled = false;
  std::string preferences_json = "{}";
  int64_t created_at = 0;
};

struct NewLocalAccount {
  std::string username;
  std::string email;
  std::string password_hash;
  Role role = Role::user;
  bool confirmed = false;
  bool approved = true;
  std::string locale = "en";
  std::string public_key_pem;
  std::string private_key_pem;
  std::string base_url;  // to derive the account's URIs
  std::string sign_up_ip;
  std::string sign_up_reason;
};

struct CreatedAccount {
  int64_t account_id = 0;
  int64_t user_id = 0;
};

// The member's preferences as stored in users.preferences (JSON, keys as
// Mastodon's /api/v1/preferences names them).
struct Preferences {
  std::optional<std::string> default_visibility;  // public, unlisted, private
  bool default_sensitive = false;
  std::optional<std::string> default_language;
  std::string expand_media = "default";  // default, show_all, hide_all
  bool expand_spoilers = false;
  bool autoplay_gifs = false;
  bool noindex = false;
};
Preferences parse_preferences(const std::string& json);
// Mastodon's fallback: locked accounts post to followers only by default.
std::string default_visibility(const Preferences& p, const Account& a);

const char* role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

}  // namespace agora::model
