// A member reading and editing their own account: profile (display name,
// bio, fields, avatar and header, flags) and posting defaults, with
// Mastodon's rules and error messages.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "services/auth.h"
#include "services/context.h"

namespace agora::services {

constexpr size_t kMaxDisplayNameLength = 30;   // characters
constexpr size_t kMaxNoteLength = 500;         // as Mastodon counts: links 23, mentions without domain
constexpr size_t kMaxProfileFields = 4;
constexpr size_t kMaxFieldLength = 255;        // name and value; longer ones are cut, as Mastodon does
constexpr size_t kMaxProfileImageBytes = 2 * 1024 * 1024;  // avatar and header must be smaller

struct ProfileField {
  std::string name, value;
};

// What a PATCH /api/v1/accounts/update_credentials asks to change; unset
// members stay as they are.
struct ProfileUpdate {
  std::optional<std::string> display_name;
  std::optional<std::string> note;
  std::optional<bool> locked, bot, discoverable, indexable, hide_collections;
  std::optional<std::vector<ProfileField>> fields;
  std::optional<std::string> avatar, header;  // uploaded bytes; their type is sniffed
  std::optional<std::string> privacy;         // source[privacy]: public, unlisted, private
  std::optional<bool> sensitive;              // source[sensitive]
  std::optional<std::string> language;        // source[language]: ISO 639 code; "" clears
};

// The signed-in member's account as CredentialAccount renders it.
struct Credentials {
  model::Account account;
  model::User user;
  int64_t follow_requests_count = 0;
};

Credentials credentials(Context& ctx, const Auth& auth);
// Validates everything first (422 with Mastodon's messages and nothing
// changed), stores new images, then writes in one transaction.
Credentials update_profile(Context& ctx, const Auth& auth, const ProfileUpdate& update);

enum class ProfileImage { avatar, header };
Credentials remove_profile_image(Context& ctx, const Auth& auth, ProfileImage which);

}  // namespace agora::services
