// POST /api/v1/accounts (sign-up through an app) and
// POST /api/v1/emails/confirmations (send the confirmation mail again).
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "core/errors.h"
#include "http/params.h"
#include "services/registrations.h"
#include "store/oauth.h"

namespace agora::api {

void register_registration_routes(http::Router& router, services::Context& ctx) {
  router.post("/api/v1/accounts", [&ctx](http::Request& req) {
    // An app token (client_credentials) signs the member up, as Mastodon.
    auto app = require_token(ctx, req, {"write:accounts"});
    if (app.user) throw Error::forbidden("This action is not allowed");
    const auto& p = req.params;
    auto signed_up = services::sign_up(
        ctx, {.username = http::param_string(p, "username").value_or(""),
              .email = http::param_string(p, "email").value_or(""),
              .password = http::param_string(p, "password").value_or(""),
              .agreement = http::param_bool(p, "agreement").value_or(false),
              .locale = http::param_string(p, "locale").value_or("en"),
              .reason = http::param_string(p, "reason").value_or(""),
              .ip = req.remote_address,
              .application_id = app.token.application_id,
              .scopes = store::oauth::join_scopes(app.token.scopes),
              .invite_code = http::param_string(p, "invite_code").value_or("")});
    return http::Response::json(boost::json::object{{"access_token", signed_up.token.access_token},
                                                    {"token_type", "Bearer"},
                                                    {"scope", signed_up.token.scopes},
                                                    {"created_at", signed_up.token.created_at / 1000}});
  });

  router.post("/api/v1/emails/confirmations", [&ctx](http::Request& req) {
    auto auth = require_token(ctx, req, {"write:accounts"});
    if (!auth.user) throw Error::unprocessable("This method requires an authenticated user");
    services::resend_confirmation(ctx, auth.user->id, http::param_string(req.params, "email"));
    return http::Response::json(boost::json::object{});
  });
}

}  // namespace agora::api
