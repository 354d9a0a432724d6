#include "api/auth.h"

#include "core/errors.h"
#include "http/params.h"

namespace agora::api {

std::optional<std::string> bearer_token(const http::Request& req) {
  if (auto header = req.headers.get("Authorization")) {
    std::string_view h = *header;
    if (h.size() > 7 && http::iequals(h.substr(0, 7), "Bearer ")) {
      h.remove_prefix(7);
      while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
      if (!h.empty()) return std::string(h);
    }
  }
  if (auto p = http::param_string(req.params, "access_token"); p && !p->empty()) return p;
  return std::nullopt;
}

std::optional<services::Auth> optional_auth(services::Context& ctx, const http::Request& req) {
  auto token = bearer_token(req);
  if (!token) return std::nullopt;
  return services::authenticate(ctx, *token, req.remote_address);
}

namespace {
void require_scope(const services::Auth& auth, std::initializer_list<std::string_view> scopes) {
  if (scopes.size() == 0) return;
  for (auto s : scopes)
    if (auth.allows(s)) return;
  throw Error::forbidden("This action is outside the authorized scopes");
}
}  // namespace

std::optional<services::Auth> optional_auth(services::Context& ctx, const http::Request& req,
                                            std::initializer_list<std::string_view> scopes) {
  auto auth = optional_auth(ctx, req);
  if (auth) require_scope(*auth, scopes);
  return auth;
}

services::Auth require_token(services::Context& ctx, const http::Request& req,
                             std::initializer_list<std::string_view> scopes) {
  auto auth = optional_auth(ctx, req);
  if (!auth) throw Error::unauthorized("The access token is invalid");
  require_scope(*auth, scopes);
  return *auth;
}

std::optional<services::Auth> authorize_if_token(services::Context& ctx, const http::Request& req,
                                                 std::initializer_list<std::string_view> scopes) {
  if (!bearer_token(req)) return std::nullopt;
  return require_token(ctx, req, scopes);
}

services::Auth require_user(services::Context& ctx, const http::Request& req,
                            std::initializer_list<std::string_view> scopes) {
  auto auth = require_token(ctx, req, scopes);
  services::require_usable_login(auth);
  return auth;
}

http::Response cache_if_unauthenticated(http::Response r, const std::optional<services::Auth>& auth) {
  if (!auth) r.headers.set("Cache-Control", "max-age=15, public, stale-while-revalidate=30, stale-if-error=86400");
  return r;
}

}  // namespace agora::api
