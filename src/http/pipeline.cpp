#include "http/pipeline.h"

#include "core/errors.h"
#include "core/log.h"
#include "http/cors.h"
#include "http/params.h"

namespace agora::http {

namespace {

Response route(const Router& router, Request& request) {
  if (request.method == "OPTIONS" && cors_applies(request.path)) return cors_preflight(request);
  const Handler* handler = router.find(request.method, request.path, request.path_params);
  if (!handler) return Response::error(404, "Record not found");
  try {
    request.params =
        parse_params(request.query, request.headers.get_or("Content-Type", ""), request.body, &request.uploads);
    return (*handler)(request);
  } catch (const Error& e) {
    return Response::error(e.status(), e.message(), e.details());
  } catch (const std::exception& e) {
    log::error("{} {} failed: {}", request.method, request.path, e.what());
    return Response::error(500, "Internal server error");
  }
}

}  // namespace

Response handle_request(const Router& router, Request& request) {
  // Mastodon (Rails) serves "/api/v1/instance/" like "/api/v1/instance".
  while (request.path.size() > 1 && request.path.back() == '/') request.path.pop_back();
  Response response = route(router, request);
  if (request.path.starts_with("/api/") && !response.headers.has("Cache-Control"))
    response.headers.set("Cache-Control", "private, no-store");
  if (response.status == 401 && request.path.starts_with("/api/"))
    response.headers.set("WWW-Authenticate",
                         "Bearer realm=\"Doorkeeper\", error=\"invalid_token\", error_description=\"The access token is invalid\"");
  add_cors_headers(request.path, response);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "same-origin");
  if (!response.headers.has("X-Frame-Options")) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

}  // namespace agora::http
