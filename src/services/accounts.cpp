#include "services/accounts.h"

#include <algorithm>
#include <array>

#include "core/crypto.h"
#include "core/strings.h"
#include "core/time.h"
#include "services/validation.h"
#include "store/accounts.h"

namespace agora::services {

bool valid_local_username(std::string_view u) {
  return !u.empty() && u.size() <= kMaxUsernameLength && std::all_of(u.begin(), u.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '_';
  });
}

bool reserved_username(std::string_view username) {
  static constexpr std::array kReserved = {"admin", "support", "help", "root", "webmaster", "administrator",
                                           "mod", "moderator", "instance.actor", "actor", "inbox", "users"};
  std::string l = ascii_lower(username);
  return std::find(kReserved.begin(), kReserved.end(), l) != kReserved.end();
}

bool plausible_email(std::string_view e) {
  auto at = e.find('@');
  return e.size() <= 320 && at != std::string_view::npos && at > 0 && at + 1 < e.size() &&
         e.find('@', at + 1) == std::string_view::npos &&
         std::none_of(e.begin(), e.end(), [](unsigned char c) { return c <= ' ' || c == '<' || c == '>'; });
}

void check_local_account(const CreateAccountRequest& r, Validation& v) {
  if (r.username.empty()) v.add("username", "Username", "ERR_BLANK", "can't be blank");
  else if (r.username.size() > kMaxUsernameLength)
    v.add("username", "Username", "ERR_TOO_LONG", "is too long (maximum is 30 characters)");
  else if (!valid_local_username(r.username))
    v.add("username", "Username", "ERR_INVALID", "must contain only letters, numbers and underscores");
  else if (!r.allow_reserved_username && reserved_username(r.username))
    v.add("username", "Username", "ERR_RESERVED", "is reserved");
  if (r.email.empty()) v.add("email", "E-mail address", "ERR_BLANK", "can't be blank");
  else if (!plausible_email(r.email)) v.add("email", "E-mail address", "ERR_INVALID", "is invalid");
  if (r.password.empty()) v.add("password", "Password", "ERR_BLANK", "can't be blank");
  else if (r.password.size() < kMinPasswordLength)
    v.add("password", "Password", "ERR_TOO_SHORT", "is too short (minimum is 8 characters)");
  else if (r.password.size() > kMaxPasswordLength)
    v.add("password", "Password", "ERR_TOO_LONG", "is too long (maximum is 72 characters)");
}

model::NewLocalAccount prepare_local_account(Context& ctx, const CreateAccountRequest& r) {
  Validation v;
  check_local_account(r, v);
  v.throw_if_failed();

  auto keys = crypto::generate_rsa_keypair(2048);
  return {.username = r.username,
          .email = r.email,
          .password_hash = crypto::hash_password(r.password),
          .role = r.role,
          .confirmed = r.confirmed,
          .approved = r.approved,
          .locale = r.locale,
          .public_key_pem = keys.public_pem,
          .private_key_pem = keys.private_pem,
          .base_url = ctx.config.base_url(),
          .sign_up_ip = r.sign_up_ip,
          .sign_up_reason = r.sign_up_reason};
}

model::CreatedAccount insert_local_account(store::Connection& c, const model::NewLocalAccount& account) {
  Validation taken;
  if (store::accounts::username_taken(c, account.username))
    taken.add("username", "Username", "ERR_TAKEN", "has already been taken");
  if (store::accounts::email_taken(c, account.email))
    taken.add("email", "E-mail address", "ERR_TAKEN", "has already been taken");
  taken.throw_if_failed();
  try {
    return store::accounts::insert_local(c, account, now_ms());
  } catch (const store::UniqueViolation&) {
    // Lost a race with a concurrent sign-up.
    Validation race;
    race.add("username", "Username", "ERR_TAKEN", "has already been taken");
    race.throw_if_failed();
    throw;
  }
}

model::CreatedAccount create_local_account(Context& ctx, const CreateAccountRequest& r) {
  // The slow parts (key generation, hashing) happen before taking the write lock.
  auto account = prepare_local_account(ctx, r);
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] { return insert_local_account(*conn, account); });
}

}  // namespace agora::services
