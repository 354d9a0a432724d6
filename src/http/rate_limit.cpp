#include "http/rate_limit.h"

#include <array>
#include <mutex>
#include <unordered_map>

namespace agora::http {

namespace {
struct Window {
  int64_t start = 0;
  int64_t count = 0;
};
constexpr size_t kShards = 16;
constexpr size_t kPruneAbove = 50'000;  // keys per shard before expired windows are swept
}  // namespace

struct RateLimiter::State {
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Window> windows;
  };
  std::array<Shard, kShards> shards;
};

RateLimiter::RateLimiter(std::vector<RateRule> rules) : rules_(std::move(rules)), state_(std::make_unique<State>()) {}
RateLimiter::~RateLimiter() = default;

std::optional<RateVerdict> RateLimiter::check(const Request& request, int64_t now) {
  std::optional<RateVerdict> tightest;
  for (const auto& rule : rules_) {
    auto key = rule.key(request);
    if (!key) continue;
    std::string full = rule.name + "\n" + *key;
    auto& shard = state_->shards[std::hash<std::string>{}(full) % kShards];
    int64_t start = now - now % rule.period_ms;
    int64_t count;
    {
      std::lock_guard lock(shard.mutex);
      if (shard.windows.size() > kPruneAbove)
        std::erase_if(shard.windows, [&](const auto& kv) { return kv.second.start + 24 * 3600 * 1000 < now; });
      Window& w = shard.windows[full];
      if (w.start != start) w = {start, 0};
      count = ++w.count;
    }
    RateVerdict v{count <= rule.limit, rule.limit, std::max<int64_t>(0, rule.limit - count), start + rule.period_ms};
    if (!tightest || (!v.allowed && tightest->allowed) ||
        (v.allowed == tightest->allowed && v.remaining < tightest->remaining))
      tightest = v;
  }
  return tightest;
}

}  // namespace agora::http
