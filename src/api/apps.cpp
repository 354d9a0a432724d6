// POST /api/v1/apps and GET /api/v1/apps/verify_credentials.
#include "api/api.h"
#include "api/auth.h"
#include "core/errors.h"
#include "entities/application.h"
#include "http/params.h"
#include "services/apps.h"
#include "services/web_push.h"

namespace agora::api {

namespace {

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

}  // namespace

void register_apps_routes(http::Router& router, services::Context& ctx) {
  router.post("/api/v1/apps", [&ctx](http::Request& req) {
    // redirect_uris may be one string (URIs separated by newlines) or an
    // array; scopes a space-separated string (or, leniently, an array).
    services::ApplicationRequest request{http::param_string(req.params, "client_name").value_or(""),
                                         joined(http::param_list(req.params, "redirect_uris"), "\n"),
                                         joined(http::param_list(req.params, "scopes"), " "),
                                         http::param_string(req.params, "website").value_or("")};
    auto app = services::register_application(ctx, request);
    return http::Response::json(entities::credential_application(app, services::web_push::vapid_public_key(ctx)));
  });

  router.get("/api/v1/apps/verify_credentials", [&ctx](http::Request& req) {
    auto auth = require_token(ctx, req, {});
    // Tokens made with `agora accounts token` belong to no application.
    if (!auth.token.application_id) throw Error::not_found();
    return http::Response::json(
        entities::application(services::find_application(ctx, *auth.token.application_id),
                              services::web_push::vapid_public_key(ctx)));
  });
}

}  // namespace agora::api
