#include "services/sign_in.h"

#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "services/sign_in_throttle.h"
#include "services/two_factor.h"
#include "store/accounts.h"
#include "store/sign_ins.h"

namespace agora::services {

namespace {

constexpr size_t kMaxEmailLength = 320;
constexpr size_t kMaxPasswordInput = 1024;

// Verifying against a fixed hash when the address is unknown makes both
// failures take as long, so timing does not reveal who has an account.
const std::string& unknown_user_hash() {
  static const std::string hash = crypto::hash_password(crypto::random_token(16));
  return hash;
}

void require_allowed(store::Connection& c, const model::User& user) {
  auto account = store::accounts::find(c, user.account_id);
  if (const char* refusal = sign_in_refusal(user, account ? &*account : nullptr)) throw Error::forbidden(refusal);
}

}  // namespace

const char* sign_in_refusal(const model::User& user, const model::Account* account) {
  if (user.disabled || !account || account->suspended_at) return "Your login is currently disabled";
  if (!user.confirmed_at) return "You have to confirm your email address before continuing.";
  if (!user.approved) return "Your account is still under review.";
  return nullptr;
}

std::optional<model::User> check_password(Context& ctx, std::string_view email, std::string_view password,
                                          const std::string& ip) {
  std::optional<model::User> user;
  {
    auto conn = ctx.db.acquire();
    throw_if_sign_in_throttled(*conn, email, ip);
    if (email.size() <= kMaxEmailLength) user = store::accounts::find_user_by_email(*conn, std::string(email));
  }
  // Hashing takes tens of milliseconds: no pooled connection is held meanwhile.
  bool ok = password.size() <= kMaxPasswordInput && !password.empty() &&
            crypto::verify_password(password, user ? user->password_hash : unknown_user_hash()) && user;
  auto conn = ctx.db.acquire();
  if (!ok) {
    count_sign_in_failure(*conn, email, ip, user ? std::optional(user->id) : std::nullopt);
    return std::nullopt;
  }
  clear_sign_in_failures(*conn, email);
  return user;
}

void require_sign_in_allowed(Context& ctx, const model::User& user) {
  auto conn = ctx.db.acquire();
  require_allowed(*conn, user);
}

PasswordSignIn sign_in_with_password(Context& ctx, std::string_view email, std::string_view password,
                                     const std::string& ip, const std::string& return_to) {
  auto user = check_password(ctx, email, password, ip);
  if (!user) throw Error::unauthorized("Invalid E-mail address or password.");
  require_sign_in_allowed(ctx, *user);
  if (!user->otp_enabled) return {*user, ""};

  std::string challenge = crypto::random_token(32);
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::sign_ins::prune_challenges(*conn, user->id, now);
    store::sign_ins::insert_challenge(*conn, user->id, crypto::sha256_hex(challenge), return_to,
                                      now + kSignInChallengeTtlMs, now);
  });
  return {*user, challenge};
}

std::optional<CodeSignIn> sign_in_with_code(Context& ctx, std::string_view challenge, std::string_view code,
                                            const std::string& ip) {
  auto conn = ctx.db.acquire();
  int64_t now = now_ms();
  auto pending = challenge.empty() ? std::nullopt
                                   : store::sign_ins::find_challenge(*conn, crypto::sha256_hex(challenge));
  auto user = pending ? store::accounts::find_user(*conn, pending->user_id) : std::nullopt;
  if (!pending || pending->expires_at <= now || !user)
    throw Error::unauthorized("Your session expired. Please login again to continue.");

  throw_if_sign_in_throttled(*conn, user->email, ip);
  if (!accept_totp_code(*conn, user->id, code)) {
    count_sign_in_failure(*conn, user->email, ip, user->id);
    return std::nullopt;
  }
  store::sign_ins::remove_challenge(*conn, pending->id);
  clear_sign_in_failures(*conn, user->email);
  require_allowed(*conn, *user);
  return CodeSignIn{*user, pending->return_to};
}

}  // namespace agora::services
