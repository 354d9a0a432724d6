// Mastodon's suspicious sign-in mail (UserMailer#suspicious_sign_in): a
// member without two-factor authentication who signs in from an address
// never seen for them is told by mail. Not for the very first sign-in, and
// IPv6 addresses count as seen when their /64 network was (Mastodon's
// SuspiciousSignInDetector).
#pragma once
#include <string>

#include "model/account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::sign_in_alerts {

// Whether `a` and `b` name the same address (IPv4) or the same /64 (IPv6).
bool same_network(const std::string& a, const std::string& b);

// In the sign-in's transaction, before it is recorded: mails the member when
// the sign-in is suspicious, and remembers the address.
void signing_in(Context& ctx, store::Connection& c, const model::User& user, const std::string& ip,
                const std::string& user_agent, int64_t now);

}  // namespace agora::services::sign_in_alerts
