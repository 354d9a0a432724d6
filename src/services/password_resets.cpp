#include "services/password_resets.h"

#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "services/accounts.h"
#include "services/mailer.h"
#include "services/validation.h"
#include "store/accounts.h"
#include "store/oauth.h"
#include "store/user_emails.h"
#include "store/web_sessions.h"

namespace agora::services {

namespace {
constexpr int64_t kResetWithin = 6LL * 3600 * 1000;
}

void request_password_reset(Context& ctx, const std::string& email) {
  if (email.empty() || email.size() > 320) return;
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto user = store::accounts::find_user_by_email(*conn, email);
    if (!user || user->disabled) return;
    std::string token = crypto::random_token(24);
    store::user_emails::set_reset_password_token(*conn, user->id, crypto::sha256_hex(token), now_ms());
    std::string link = ctx.config.base_url() + "/auth/password/edit?reset_password_token=" + token;
    enqueue_template_mail(ctx, *conn, user->email, user->locale, "reset_password", {{"link", link}});
  });
}

void reset_password(Context& ctx, const std::string& token, const std::string& password,
                    const std::string& confirmation) {
  Validation v;
  if (password.size() < kMinPasswordLength)
    v.add("password", "Password", "ERR_TOO_SHORT", "is too short (minimum is 8 characters)");
  else if (password.size() > kMaxPasswordLength)
    v.add("password", "Password", "ERR_TOO_LONG", "is too long (maximum is 72 characters)");
  if (password != confirmation)
    v.add("password_confirmation", "Password confirmation", "ERR_CONFIRMATION", "doesn't match Password");
  v.throw_if_failed();
  if (token.empty() || token.size() > 128) throw Error::not_found("This password reset link is invalid or has expired");
  std::string hash = crypto::hash_password(password);
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto pending = store::user_emails::find_by_reset_password_token(*conn, crypto::sha256_hex(token));
    if (!pending || now_ms() - pending->sent_at > kResetWithin)
      throw Error::not_found("This password reset link is invalid or has expired");
    int64_t now = now_ms();
    store::user_emails::set_password(*conn, pending->user_id, hash, now);
    store::oauth::revoke_user_tokens(*conn, pending->user_id, now);
    store::web_sessions::remove_for_user(*conn, pending->user_id);
    if (auto user = store::accounts::find_user(*conn, pending->user_id))
      enqueue_template_mail(ctx, *conn, user->email, user->locale, "password_changed", {});
  });
}

}  // namespace agora::services
