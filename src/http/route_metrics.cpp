#include "http/route_metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace agora::http {

namespace {
constexpr std::array<int, 29> kStatuses = {200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404,
                                           405, 406, 409, 410, 413, 415, 416, 422, 429, 500, 501, 502, 503, 504};
constexpr size_t kSlots = kStatuses.size() + 5;  // then one per class, 1xx … 5xx

size_t slot_of(int status) {
  auto it = std::lower_bound(kStatuses.begin(), kStatuses.end(), status);
  if (it != kStatuses.end() && *it == status) return static_cast<size_t>(it - kStatuses.begin());
  int cls = std::clamp(status / 100, 1, 5);
  return kStatuses.size() + static_cast<size_t>(cls - 1);
}

std::string slot_name(size_t slot) {
  return slot < kStatuses.size() ? std::to_string(kStatuses[slot]) : fmt::format("{}xx", slot - kStatuses.size() + 1);
}

// Methods of requests no route took come from the client: only known names are labels.
constexpr std::array<std::string_view, 8> kMethods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other"};
size_t method_index(std::string_view m) {
  for (size_t i = 0; i + 1 < kMethods.size(); ++i)
    if (m == kMethods[i]) return i;
  return kMethods.size() - 1;
}
}  // namespace

struct RouteSeries {
  std::string method, route;
  std::array<metrics::Counter, kSlots> by_status;
  metrics::Histogram latency;
};

namespace {
struct Registry {
  std::mutex mutex;
  std::map<std::pair<std::string, std::string>, std::unique_ptr<RouteSeries>> series;
};
Registry& registry() {
  static Registry r;
  return r;
}
}  // namespace

RouteSeries& route_series(std::string_view method, std::string_view route) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto& slot = r.series[{std::string(method), std::string(route)}];
  if (!slot) {
    slot = std::make_unique<RouteSeries>();
    slot->method = method;
    slot->route = route;
  }
  return *slot;
}

namespace {
// Made once, so counting these takes no lock either.
std::array<RouteSeries*, kMethods.size()> fixed_series(std::string_view route) {
  std::array<RouteSeries*, kMethods.size()> out{};
  for (size_t i = 0; i < kMethods.size(); ++i) out[i] = &route_series(kMethods[i], route);
  return out;
}
}  // namespace

RouteSeries& unmatched_series(std::string_view method) {
  static const auto series = fixed_series("unmatched");
  return *series[method_index(method)];
}

RouteSeries& rate_limited_series(std::string_view method) {
  static const auto series = fixed_series("rate_limited");
  return *series[method_index(method)];
}

void record_request(RouteSeries& series, int status, double seconds) {
  series.by_status[slot_of(status)].add();
  series.latency.observe(seconds);
}

void write_route_metrics(std::string& out) {
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  metrics::write_header(out, "agora_http_requests_total", "counter",
                        "HTTP requests by method, route (the pattern, or unmatched / rate_limited) and status");
  for (const auto& [key, s] : r.series)
    for (size_t i = 0; i < kSlots; ++i)
      if (uint64_t n = s->by_status[i].value())
        out += fmt::format("agora_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", s->method,
                           metrics::escape(s->route), slot_name(i), n);
  metrics::write_header(out, "agora_http_request_duration_seconds", "histogram",
                        "Time from a parsed request to its response, by method and route");
  for (const auto& [key, s] : r.series) {
    bool used = std::any_of(s->by_status.begin(), s->by_status.end(), [](const auto& c) { return c.value() > 0; });
    if (used)
      s->latency.write(out, "agora_http_request_duration_seconds",
                       fmt::format("method=\"{}\",route=\"{}\",", s->method, metrics::escape(s->route)));
  }
}

}  // namespace agora::http
