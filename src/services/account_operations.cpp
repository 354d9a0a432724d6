#include "services/account_operations.h"

#include "core/crypto.h"
#include "core/time.h"
#include "services/accounts.h"
#include "services/stream_events.h"
#include "services/validation.h"
#include "store/accounts.h"
#include "store/oauth.h"
#include "store/user_emails.h"
#include "store/web_sessions.h"

namespace agora::services::account_operations {

std::string reset_password(Context& ctx, int64_t user_id) {
  std::string password = crypto::random_token(16);
  std::string hash = crypto::hash_password(password);
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    int64_t now = now_ms();
    auto live = store::oauth::live_token_ids(*conn, user_id);
    store::user_emails::set_password(*conn, user_id, hash, now);
    store::oauth::revoke_user_tokens(*conn, user_id, now);
    store::web_sessions::remove_for_user(*conn, user_id);
    for (int64_t id : live) stream_events::token_revoked(*conn, id);
  });
  return password;
}

void change_email(Context& ctx, int64_t user_id, const std::string& email) {
  Validation v;
  if (email.empty()) v.add("email", "E-mail address", "ERR_BLANK", "can't be blank");
  else if (!plausible_email(email)) v.add("email", "E-mail address", "ERR_INVALID", "is invalid");
  v.throw_if_failed();
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto owner = store::accounts::find_user_by_email(*conn, email);
    if (owner && owner->id != user_id) {
      Validation taken;
      taken.add("email", "E-mail address", "ERR_TAKEN", "has already been taken");
      taken.throw_if_failed();
    }
    store::user_emails::set_email(*conn, user_id, email, now_ms());
  });
}

}  // namespace agora::services::account_operations
