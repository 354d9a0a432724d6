#include "app/rate_limits.h"

#include "http/headers.h"
#include "core/crypto.h"

namespace agora::app {

namespace {

constexpr int64_t kMinute = 60'000;

std::optional<std::string> header_token(const http::Request& r) {
  auto h = r.headers.get("Authorization");
  if (!h || h->size() < 8 || !http::iequals(h->substr(0, 7), "Bearer ")) return std::nullopt;
  // Counted under a digest: the limiter never holds the secret itself.
  return crypto::sha256_hex(h->substr(7)).substr(0, 32);
}

bool api_path(const http::Request& r) { return r.path.starts_with("/api/"); }
bool is_post(const http::Request& r) { return r.method == "POST"; }

// POST /api/v1/<collection>/<id>/<action>
bool post_action(const http::Request& r, std::string_view collection, std::string_view action) {
  std::string_view p = r.path;
  std::string prefix = "/api/v1/" + std::string(collection) + "/";
  if (!is_post(r) || !p.starts_with(prefix) || !p.ends_with("/" + std::string(action))) return false;
  std::string_view id = p.substr(prefix.size(), p.size() - prefix.size() - action.size() - 1);
  return !id.empty() && id.find('/') == std::string_view::npos;
}

// Mastodon's per-account action limits (RateLimiter families), counted per token.
// Listed first, so that on a tie their headers (with the longer reset) are shown.
http::RateRule action_rule(const char* name, int64_t limit, int64_t period_ms,
                           std::function<bool(const http::Request&)> applies) {
  return {name, limit, period_ms, [applies](const http::Request& r) -> std::optional<std::string> {
            if (!applies(r)) return std::nullopt;
            return header_token(r);
          }};
}

}  // namespace

std::vector<http::RateRule> default_rate_rules() {
  constexpr int64_t kHour = 60 * kMinute;
  return {
      action_rule("statuses/token", 300, 3 * kHour,
                  [](const http::Request& r) {
                    return (is_post(r) && r.path == "/api/v1/statuses") || post_action(r, "statuses", "reblog");
                  }),
      action_rule("follows/token", 400, 24 * kHour, [](const http::Request& r) { return post_action(r, "accounts", "follow"); }),
      action_rule("reports/token", 400, 24 * kHour,
                  [](const http::Request& r) { return is_post(r) && r.path == "/api/v1/reports"; }),
      {"api/token", 300, 5 * kMinute,
       [](const http::Request& r) -> std::optional<std::string> {
         if (!api_path(r)) return std::nullopt;
         return header_token(r);
       }},
      {"api/ip", 300, 5 * kMinute,
       [](const http::Request& r) -> std::optional<std::string> {
         if (!api_path(r) || header_token(r)) return std::nullopt;
         return r.remote_address;
       }},
      {"sign_up/ip", 5, 30 * kMinute,
       [](const http::Request& r) -> std::optional<std::string> {
         if (!is_post(r) || (r.path != "/api/v1/accounts" && r.path != "/auth/sign_up")) return std::nullopt;
         return r.remote_address;
       }},
      {"media/token", 30, 30 * kMinute,
       [](const http::Request& r) -> std::optional<std::string> {
         if (!is_post(r) || (r.path != "/api/v1/media" && r.path != "/api/v2/media")) return std::nullopt;
         return header_token(r);
       }},
      {"protected_paths/ip", 25, 5 * kMinute,
       [](const http::Request& r) -> std::optional<std::string> {
         if (!is_post(r)) return std::nullopt;
         for (const char* p : {"/auth/sign_in", "/auth/password", "/auth/confirmation", "/oauth/token"})
           if (r.path == p) return r.remote_address;
         return std::nullopt;
       }},
  };
}

}  // namespace agora::app
