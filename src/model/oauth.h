// OAuth applications and access tokens.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace agora::model {

struct OAuthApplication {
  int64_t id = 0;
  std::string name;
  std::string website;
  std::vector<std::string> redirect_uris;
  std::vector<std::string> scopes;
  std::string client_id;
  std::string client_secret;
  int64_t created_at = 0;
};

struct AccessToken {
  int64_t id = 0;
  std::optional<int64_t> application_id;
  std::optional<int64_t> user_id;  // none for client_credentials tokens
  std::vector<std::string> scopes;
  std::optional<int64_t> expires_at;
  std::optional<int64_t> revoked_at;
  int64_t created_at = 0;
  std::optional<int64_t> last_used_at;
};

}  // namespace agora::model
