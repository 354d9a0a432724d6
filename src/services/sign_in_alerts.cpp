#include "services/sign_in_alerts.h"

#include <arpa/inet.h>

#include <array>
#include <optional>
#include <cstring>

#include "core/time.h"
#include "services/mailer.h"
#include "store/member_security.h"

namespace agora::services::sign_in_alerts {

namespace {

constexpr int kKnownAddressesRead = 1000;
constexpr size_t kMaxBrowserShown = 200;

// The address as 16 bytes (IPv4 as IPv4-mapped IPv6), or nothing.
std::optional<std::array<unsigned char, 16>> parse(std::string address) {
  std::array<unsigned char, 16> out{};
  in_addr v4{};
  if (inet_pton(AF_INET, address.c_str(), &v4) == 1) {
    out[10] = out[11] = 0xff;
    std::memcpy(out.data() + 12, &v4, 4);
    return out;
  }
  if (inet_pton(AF_INET6, address.c_str(), out.data()) == 1) return out;
  return std::nullopt;
}

bool ipv4(const std::array<unsigned char, 16>& a) {
  static const std::array<unsigned char, 12> mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::memcmp(a.data(), mapped.data(), mapped.size()) == 0;
}

}  // namespace

bool same_network(const std::string& a, const std::string& b) {
  auto x = parse(a), y = parse(b);
  if (!x || !y) return a == b;
  if (ipv4(*x) || ipv4(*y)) return *x == *y;
  return std::memcmp(x->data(), y->data(), 8) == 0;
}

void signing_in(Context& ctx, store::Connection& c, const model::User& user, const std::string& ip,
                const std::string& user_agent, int64_t now) {
  bool first_sign_in = !store::member_security::current_sign_in_at(c, user.id);
  bool seen = false;
  for (const auto& known : store::member_security::known_ips(c, user.id, kKnownAddressesRead))
    if (same_network(known, ip)) seen = true;
  if (!user.otp_enabled && !first_sign_in && !seen && !user.email.empty())
    enqueue_template_mail(ctx, c, user.email, user.locale, "suspicious_sign_in",
                          {{"ip", ip},
                           {"browser", user_agent.substr(0, kMaxBrowserShown)},
                           {"time", format_iso8601(now)},
                           {"link", ctx.config.base_url() + "/auth/password/new"}});
  store::member_security::record_ip(c, user.id, ip, now);
}

}  // namespace agora::services::sign_in_alerts
