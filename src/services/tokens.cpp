#include "services/tokens.h"

#include "core/crypto.h"
#include "core/time.h"
#include "store/oauth.h"

namespace agora::services {

IssuedToken issue_token(store::Connection& c, std::optional<int64_t> application_id, std::optional<int64_t> user_id,
                        const std::string& scopes, bool with_refresh_token) {
  IssuedToken t;
  t.access_token = crypto::random_token(32);
  if (with_refresh_token) t.refresh_token = crypto::random_token(32);
  t.scopes = scopes;
  t.created_at = now_ms();
  store::oauth::NewToken row{application_id, user_id, crypto::sha256_hex(t.access_token),
                             with_refresh_token ? std::optional(crypto::sha256_hex(t.refresh_token)) : std::nullopt,
                             scopes, std::nullopt};
  t.id = store::oauth::insert_token(c, row, t.created_at);
  return t;
}

}  // namespace agora::services
