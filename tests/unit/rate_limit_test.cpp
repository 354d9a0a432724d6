#include <gtest/gtest.h>

#include "http/client_address.h"
#include "http/rate_limit.h"

using namespace agora::http;

namespace {
Request from(std::string ip, std::string path = "/api/v1/instance") {
  Request r;
  r.remote_address = std::move(ip);
  r.path = std::move(path);
  return r;
}
}  // namespace

TEST(RateLimiter, CountsPerKeyInFixedWindows) {
  RateLimiter limiter({{"api/ip", 3, 1000, [](const Request& r) -> std::optional<std::string> {
                          if (!r.path.starts_with("/api/")) return std::nullopt;
                          return r.remote_address;
                        }}});
  for (int i = 0; i < 3; ++i) {
    auto v = limiter.check(from("1.2.3.4"), 10'500);
    ASSERT_TRUE(v && v->allowed);
    EXPECT_EQ(v->remaining, 2 - i);
    EXPECT_EQ(v->reset_at_ms, 11'000);
  }
  EXPECT_FALSE(limiter.check(from("1.2.3.4"), 10'900)->allowed);
  EXPECT_TRUE(limiter.check(from("5.6.7.8"), 10'900)->allowed);      // another client
  EXPECT_TRUE(limiter.check(from("1.2.3.4"), 11'000)->allowed);      // the next window
  EXPECT_FALSE(limiter.check(from("1.2.3.4", "/health"), 11'000));   // no rule applies
}

TEST(RateLimiter, TheTightestRuleDecides) {
  auto ip = [](const Request& r) -> std::optional<std::string> { return r.remote_address; };
  RateLimiter limiter({{"wide", 100, 60'000, ip}, {"narrow", 1, 60'000, ip}});
  auto first = limiter.check(from("1.2.3.4"), 0);
  EXPECT_TRUE(first->allowed);
  EXPECT_EQ(first->limit, 1);
  auto second = limiter.check(from("1.2.3.4"), 0);
  EXPECT_FALSE(second->allowed);
  EXPECT_EQ(second->limit, 1);
}

TEST(ClientIp, BelievesForwardedForOnlyFromTrustedProxies) {
  Request direct = from("203.0.113.9");  // a public peer
  direct.headers.add("X-Forwarded-For", "198.51.100.1");
  EXPECT_EQ(client_address(direct, {}), "203.0.113.9");  // a client cannot claim another address

  Request proxied = from("127.0.0.1");
  proxied.headers.add("X-Forwarded-For", "198.51.100.1, 203.0.113.7, 127.0.0.1");
  EXPECT_EQ(client_address(proxied, {}), "203.0.113.7");  // the right-most untrusted hop
  EXPECT_EQ(client_address(proxied, {"203.0.113.7"}), "198.51.100.1");
  EXPECT_EQ(client_address(from("127.0.0.1"), {}), "127.0.0.1");
}
