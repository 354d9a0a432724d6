// Fixed-window rate limits in memory, as Mastodon's rack-attack rules: each
// rule counts requests per key (an IP, a token) in windows of `period`; a
// request over any rule's limit gets 429. One process's view: with several
// processes each counts its own share.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/request.h"

namespace agora::http {

struct RateRule {
  std::string name;
  int64_t limit = 0;
  int64_t period_ms = 0;
  // The key to count this request under, or nullopt if the rule does not apply.
  std::function<std::optional<std::string>(const Request&)> key;
};

struct RateVerdict {
  bool allowed = true;
  int64_t limit = 0;
  int64_t remaining = 0;
  int64_t reset_at_ms = 0;
};

class RateLimiter {
 public:
  explicit RateLimiter(std::vector<RateRule> rules);
  ~RateLimiter();
  // Counts the request under every rule that applies; the verdict of the
  // tightest one (or nullopt when no rule applies).
  std::optional<RateVerdict> check(const Request& request, int64_t now_ms);

 private:
  struct State;
  std::vector<RateRule> rules_;
  std::unique_ptr<State> state_;
};

}  // namespace agora::http
