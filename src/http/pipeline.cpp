#include "http/pipeline.h"

#include <boost/json/parse.hpp>
#include <chrono>

#include "core/errors.h"
#include "core/log.h"
#include "core/time.h"
#include "http/client_address.h"
#include "http/cors.h"
#include "http/params.h"
#include "http/route_metrics.h"

namespace agora::http {

namespace {

// `series` is the route's, for /metrics (left alone when no route takes the request).
Response route(const Router& router, Request& request, RouteSeries*& series) {
  if (request.method == "OPTIONS" && cors_applies(request.path)) return cors_preflight(request);
  const Handler* handler = router.find(request.method, request.path, request.path_params);
  if (!handler) return Response::error(404, "Record not found");
  if (auto* routed = handler->target<RoutedHandler>()) series = routed->series;
  try {
    request.params =
        parse_params(request.query, request.headers.get_or("Content-Type", ""), request.body, &request.uploads);
    // The files were copied out of the body: an upload (up to 100 MiB) is not held twice while its handler
    // waits for processing.
    if (!request.uploads.empty()) std::string().swap(request.body);
    return (*handler)(request);
  } catch (const Error& e) {
    return Response::error(e.status(), e.message(), e.details());
  } catch (const std::exception& e) {
    log::error("{} {} failed: {}", request.method, request.path, e.what());
    return Response::error(500, "Internal server error");
  }
}

}  // namespace

namespace {
// Doorkeeper's challenge, naming why the token was refused.
std::string bearer_challenge(const Response& r) {
  std::string description = "The access token is invalid";
  std::error_code ec;
  auto body = boost::json::parse(r.body, ec);
  if (!ec && body.is_object())
    if (auto* e = body.as_object().if_contains("error"); e && e->is_string()) description = e->as_string();
  for (char& c : description)
    if (c == '"' || c == '\\' || c < ' ') c = ' ';
  return "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"" + description + "\"";
}

void add_rate_limit_headers(Response& r, const RateVerdict& v) {
  r.headers.set("X-RateLimit-Limit", std::to_string(v.limit));
  r.headers.set("X-RateLimit-Remaining", std::to_string(v.remaining));
  // Mastodon: ISO 8601 with microseconds.
  std::string reset = format_iso8601(v.reset_at_ms);
  r.headers.set("X-RateLimit-Reset", reset.substr(0, reset.size() - 1) + "000Z");
}
}  // namespace

Response handle_request(const Router& router, Request& request, const PipelineOptions& options) {
  auto started = std::chrono::steady_clock::now();
  // Mastodon (Rails) serves "/api/v1/instance/" like "/api/v1/instance".
  while (request.path.size() > 1 && request.path.back() == '/') request.path.pop_back();
  request.remote_address = client_address(request, options.trusted_proxies);
  std::optional<RateVerdict> verdict;
  bool refused = options.address_refused && options.address_refused(request.remote_address);
  if (options.rate_limiter && !refused) verdict = options.rate_limiter->check(request, now_ms());
  bool limited = verdict && !verdict->allowed;
  RouteSeries* series = limited ? &rate_limited_series(request.method) : nullptr;
  Response response = refused   ? Response::error(403, "Forbidden")
                      : limited ? Response::error(429, "Too many requests")
                                : route(router, request, series);
  if (verdict) add_rate_limit_headers(response, *verdict);
  if (request.path.starts_with("/api/") && !response.headers.has("Cache-Control"))
    response.headers.set("Cache-Control", "private, no-store");
  if (response.status == 401 && request.path.starts_with("/api/") && !response.headers.has("WWW-Authenticate"))
    response.headers.set("WWW-Authenticate", bearer_challenge(response));
  add_cors_headers(request.path, response);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "same-origin");
  // Embeds open themselves to framing in their Content-Security-Policy.
  bool framable = response.headers.get_or("Content-Security-Policy", "").find("frame-ancestors *") != std::string::npos;
  if (!framable && !response.headers.has("X-Frame-Options")) response.headers.set("X-Frame-Options", "DENY");
  record_request(series ? *series : unmatched_series(request.method), response.status,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return response;
}

}  // namespace agora::http
