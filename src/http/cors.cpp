#include "http/cors.h"

#include <array>

namespace agora::http {

namespace {

struct CorsResource {
  std::string_view prefix;  // a path prefix; "*" resources end in '/'
  bool exact;
  std::string_view methods;
  bool expose;  // exposes the pagination and rate-limit headers
};

constexpr std::array kResources = {
    CorsResource{"/api/", false, "GET, POST, PUT, DELETE, PATCH, OPTIONS", true},
    CorsResource{"/oauth/token", true, "POST", false},
    CorsResource{"/oauth/revoke", true, "POST", false},
    CorsResource{"/.well-known/", false, "GET", false},
    CorsResource{"/nodeinfo/", false, "GET", false},
    CorsResource{"/users/", false, "GET", false},
    CorsResource{"/@", false, "GET", false},
};

const CorsResource* resource_for(std::string_view path) {
  for (const auto& r : kResources)
    if (r.exact ? path == r.prefix : path.starts_with(r.prefix)) return &r;
  return nullptr;
}

constexpr std::string_view kExposed = "Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id";

}  // namespace

bool cors_applies(std::string_view path) { return resource_for(path) != nullptr; }

void add_cors_headers(std::string_view path, Response& response) {
  const CorsResource* r = resource_for(path);
  if (!r) return;
  response.headers.set("Access-Control-Allow-Origin", "*");
  if (r->expose) response.headers.set("Access-Control-Expose-Headers", std::string(kExposed));
  // As rack-cors: every response on a CORS path varies by Origin.
  auto vary = response.headers.get("Vary");
  response.headers.set("Vary", vary ? std::string(*vary) + ", Origin" : std::string("Origin"));
}

Response cors_preflight(const Request& request) {
  Response r = Response::text("", "text/plain", 200);
  const CorsResource* res = resource_for(request.path);
  if (!res) return r;
  r.headers.set("Access-Control-Allow-Origin", "*");
  r.headers.set("Access-Control-Allow-Methods", std::string(res->methods));
  // Any header is allowed: echo what the browser asks for.
  if (auto asked = request.headers.get("Access-Control-Request-Headers"))
    r.headers.set("Access-Control-Allow-Headers", std::string(*asked));
  if (res->expose) r.headers.set("Access-Control-Expose-Headers", std::string(kExposed));
  r.headers.set("Access-Control-Max-Age", "7200");
  r.headers.set("Vary", "Origin");
  return r;
}

}  // namespace agora::http
