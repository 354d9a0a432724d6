#include "services/two_factor.h"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "core/totp.h"
#include "services/mailer.h"
#include "services/sign_in_throttle.h"
#include "store/two_factor.h"

namespace agora::services {

namespace {

constexpr const char* kWrongCode = "The entered code was invalid! Are server time and device time correct?";

std::optional<int64_t> matching_step(const std::string& secret_base32, std::string_view code) {
  auto key = totp::base32_decode(secret_base32);
  if (!key || key->empty()) return std::nullopt;
  std::string digits;
  for (char c : code)
    if (c != ' ') digits += c;  // apps show codes as "123 456"
  return totp::matching_step(*key, digits, now_ms() / 1000);
}

std::string otpauth_uri(const std::string& secret, const std::string& account, const std::string& issuer) {
  auto enc = [](const std::string& s) { return boost::urls::encode(s, boost::urls::unreserved_chars); };
  return "otpauth://totp/" + enc(issuer) + ":" + enc(account) + "?secret=" + secret + "&issuer=" + enc(issuer);
}

}  // namespace

TotpSetup totp_setup(Context& ctx, const model::User& user, const std::string& issuer) {
  auto conn = ctx.db.acquire();
  auto otp = store::two_factor::find(*conn, user.id);
  if (otp.enabled) return {true, "", ""};
  if (otp.secret.empty()) {
    otp.secret = totp::base32_encode(totp::new_secret());
    store::two_factor::set_pending_secret(*conn, user.id, otp.secret, now_ms());
  }
  return {false, otp.secret, otpauth_uri(otp.secret, user.email, issuer)};
}

void enable_totp(Context& ctx, const model::User& user, std::string_view password, std::string_view code,
                 const std::string& ip) {
  auto conn = ctx.db.acquire();
  throw_if_sign_in_throttled(*conn, user.email, ip);
  if (!crypto::verify_password(password, user.password_hash)) {
    count_sign_in_failure(*conn, user.email, ip, user.id);
    throw Error::unprocessable("Invalid password");
  }
  auto otp = store::two_factor::find(*conn, user.id);
  if (otp.enabled) return;
  auto step = otp.secret.empty() ? std::nullopt : matching_step(otp.secret, code);
  if (!step) {
    count_sign_in_failure(*conn, user.email, ip, user.id);
    throw Error::unprocessable(kWrongCode);
  }
  store::in_transaction(*conn, [&] {
    store::two_factor::enable(*conn, user.id, *step, now_ms());
    enqueue_template_mail(ctx, *conn, user.email, user.locale, "two_factor_enabled", {});
  });
}

void disable_totp(Context& ctx, const model::User& user, std::string_view code, const std::string& ip) {
  auto conn = ctx.db.acquire();
  throw_if_sign_in_throttled(*conn, user.email, ip);
  if (!accept_totp_code(*conn, user.id, code)) {
    count_sign_in_failure(*conn, user.email, ip, user.id);
    throw Error::unprocessable(kWrongCode);
  }
  store::in_transaction(*conn, [&] {
    store::two_factor::disable(*conn, user.id, now_ms());
    enqueue_template_mail(ctx, *conn, user.email, user.locale, "two_factor_disabled", {});
  });
}

bool accept_totp_code(store::Connection& c, int64_t user_id, std::string_view code) {
  auto otp = store::two_factor::find(c, user_id);
  if (!otp.enabled) return false;
  auto step = matching_step(otp.secret, code);
  return step && store::two_factor::use_step(c, user_id, *step);
}

}  // namespace agora::services
