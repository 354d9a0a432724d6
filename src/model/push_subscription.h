// A Web Push subscription: where a member's app (one access token) wants
// notifications pushed, the keys to encrypt them for it, and which ones.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace agora::model {

struct PushSubscription {
  int64_t id = 0;
  int64_t access_token_id = 0;
  int64_t user_id = 0;
  std::string endpoint;
  std::string key_p256dh;  // as the client sent it (base64, either alphabet)
  std::string key_auth;
  // Notification types and whether to push them, in Mastodon's order of types.
  std::vector<std::pair<std::string, bool>> alerts;
  std::string policy = "all";  // all, followed, follower, none
  bool standard = false;
  std::string access_token;    // the bearer token, sent back in each push (Mastodon's access_token)
  int64_t created_at = 0;
  int64_t updated_at = 0;

  bool alerts_on(const std::string& type) const {
    for (const auto& [name, on] : alerts)
      if (name == type) return on;
    return false;
  }
};

}  // namespace agora::model
