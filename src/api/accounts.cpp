// Reading accounts: GET /api/v1/accounts/:id, /accounts/lookup,
// /accounts/search, /accounts?id[]= (statuses: api/account_statuses.cpp).
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/pagination.h"
#include "api/render.h"
#include "entities/account.h"
#include "http/params.h"
#include "services/account_lookup.h"

namespace agora::api {

namespace {

constexpr int kSearchDefaultLimit = 40;  // Mastodon's DEFAULT_ACCOUNTS_LIMIT; limit_param allows twice that

http::Response accounts_json(const std::vector<model::Account>& accounts, const entities::RenderContext& rc) {
  boost::json::array out;
  for (const auto& a : accounts) out.push_back(entities::account(a, rc));
  return http::Response::json(out);
}

}  // namespace

void register_accounts_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/accounts/:id", [&ctx](http::Request& req) {
    auto auth = optional_auth(ctx, req, {"read:accounts"});
    auto account = services::find_account(ctx, req.path_param("id"));
    return cache_if_unauthenticated(http::Response::json(entities::account(account, render_context(ctx))), auth);
  });

  router.get("/api/v1/accounts/lookup", [&ctx](http::Request& req) {
    auto auth = optional_auth(ctx, req, {"read:accounts"});
    auto account = services::lookup_account(ctx, http::param_string(req.params, "acct").value_or(""));
    return cache_if_unauthenticated(http::Response::json(entities::account(account, render_context(ctx))), auth);
  });

  router.get("/api/v1/accounts", [&ctx](http::Request& req) {
    optional_auth(ctx, req, {"read:accounts"});
    auto accounts = services::accounts_by_ids(ctx, http::param_list(req.params, "id"));
    return accounts_json(accounts, render_context(ctx));
  });

  router.get("/api/v1/accounts/search", [&ctx](http::Request& req) {
    auto auth = require_user(ctx, req, {"read:accounts"});
    services::AccountSearchRequest search{
        .query = http::param_string(req.params, "q").value_or(""),
        .limit = limit_param(req, kSearchDefaultLimit, 2 * kSearchDefaultLimit),
        .offset = static_cast<int>(std::clamp<int64_t>(http::param_int(req.params, "offset").value_or(0), 0, 10000)),
        .following = http::param_bool(req.params, "following").value_or(false),
        .viewer = auth.account->id,
    };
    return accounts_json(services::search_accounts(ctx, search), render_context(ctx));
  });
}

}  // namespace agora::api
