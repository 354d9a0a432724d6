// An invite link (Mastodon's Invite): usable while it has not expired, has
// uses left and its creator's login still works.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace agora::model {

struct Invite {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string code;
  std::optional<int64_t> expires_at;
  std::optional<int64_t> max_uses;
  int64_t uses = 0;
  bool autofollow = false;
  std::string comment;
  int64_t created_at = 0;
  // Loaded with the row: the creator's account and whether their login still works.
  int64_t account_id = 0;
  std::string username;
  bool creator_functional = true;

  bool expired(int64_t now) const { return expires_at && *expires_at <= now; }
  bool valid_for_use(int64_t now) const {
    return (!max_uses || uses < *max_uses) && !expired(now) && creator_functional;
  }
};

}  // namespace agora::model
