#include "services/sign_in_throttle.h"

#include <algorithm>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/strings.h"
#include "core/time.h"
#include "store/sign_ins.h"
#include "store/throttles.h"

namespace agora::services {

namespace {

// The e-mail address is hashed so that the table holds no addresses.
std::string account_key(std::string_view email) { return "sign_in:account:" + crypto::sha256_hex(ascii_lower(email)); }
std::string address_key(const std::string& ip) { return "sign_in:ip:" + ip; }

}  // namespace

void throw_if_sign_in_throttled(store::Connection& c, std::string_view email, const std::string& ip) {
  int64_t now = now_ms();
  if (store::throttles::hits(c, account_key(email), now, kSignInWindowMs) >= kMaxSignInFailuresPerAccount ||
      store::throttles::hits(c, address_key(ip), now, kSignInWindowMs) >= kMaxSignInFailuresPerAddress)
    throw Error(429, "Too many requests");
}

void count_sign_in_failure(store::Connection& c, std::string_view email, const std::string& ip,
                           std::optional<int64_t> user_id) {
  int64_t now = now_ms();
  store::in_transaction(c, [&] {
    store::throttles::hit(c, account_key(email), now, kSignInWindowMs);
    store::throttles::hit(c, address_key(ip), now, kSignInWindowMs);
    if (user_id) store::sign_ins::record_failure(c, *user_id, now);
  });
}

void clear_sign_in_failures(store::Connection& c, std::string_view email) {
  store::throttles::clear(c, account_key(email));
}

}  // namespace agora::services
