#include "services/inbox_limits.h"

#include <algorithm>
#include <map>
#include <mutex>

#include "activitypub/parse_origin.h"
#include "core/strings.h"
#include "federation/http_signatures.h"

namespace agora::services::inbox_limits {

namespace {

// Windows are kept per domain; past this many domains, ended windows are swept,
// so a stream of made-up domains cannot grow the map without bound.
constexpr size_t kSweepAbove = 10'000;

struct Window {
  int64_t start = 0;
  int64_t count = 0;
};

std::mutex mutex;
std::map<std::string, Window, std::less<>> windows;

int64_t seconds_left(const Window& w, int64_t now) { return std::max<int64_t>(1, (w.start + kPeriodMs - now + 999) / 1000); }

}  // namespace

std::optional<int64_t> claimed_domain_waits(const http::Request& request, int64_t now) {
  auto parsed = federation::parse_signature(request);
  if (!parsed.claim) return std::nullopt;
  std::string domain = ascii_lower(activitypub::host_of(parsed.claim->key_id));
  std::lock_guard lock(mutex);
  auto it = windows.find(domain);
  if (it == windows.end() || now >= it->second.start + kPeriodMs || it->second.count < kPerDomain)
    return std::nullopt;
  return seconds_left(it->second, now);
}

std::optional<int64_t> count(const std::string& domain_name, int64_t now) {
  std::string domain = ascii_lower(domain_name);
  std::lock_guard lock(mutex);
  if (windows.size() > kSweepAbove)
    std::erase_if(windows, [now](const auto& entry) { return now >= entry.second.start + kPeriodMs; });
  Window& w = windows[domain];
  if (now >= w.start + kPeriodMs) w = {now - now % kPeriodMs, 0};
  if (++w.count <= kPerDomain) return std::nullopt;
  return seconds_left(w, now);
}

}  // namespace agora::services::inbox_limits
