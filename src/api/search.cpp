// GET /api/v2/search. Accounts are searched now; statuses and hashtags are
// answered empty until statuses exist (the Mastodon shape is kept, so
// clients work unchanged).
#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/render.h"
#include "core/errors.h"
#include "entities/account.h"
#include "http/params.h"
#include "services/account_lookup.h"

namespace agora::api {

void register_search_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v2/search", [&ctx](http::Request& req) {
    auto auth = optional_auth(ctx, req, {"read:search"});
    const auto& p = req.params;
    auto type = http::param_string(p, "type").value_or("");
    if (!type.empty() && type != "accounts" && type != "hashtags" && type != "statuses")
      throw Error::bad_request("type must be accounts, hashtags or statuses");
    int64_t offset = http::param_int(p, "offset").value_or(0);
    // As Mastodon: paging through results and resolving remote ones need a signed-in member.
    if (!auth && (offset > 0 || http::param_bool(p, "resolve").value_or(false)))
      throw Error::unauthorized("Search queries pagination is not supported without authentication");
    boost::json::array accounts;
    if (type.empty() || type == "accounts") {
      services::AccountSearchRequest search{
          .query = http::param_string(p, "q").value_or(""),
          .limit = static_cast<int>(std::clamp<int64_t>(http::param_int(p, "limit").value_or(20), 1, 40)),
          .offset = static_cast<int>(std::clamp<int64_t>(offset, 0, 10000)),
          .following = auth && auth->account && http::param_bool(p, "following").value_or(false),
          .viewer = auth && auth->account ? auth->account->id : 0,
      };
      if (!search.query.empty()) {
        auto rc = render_context(ctx);
        for (const auto& a : services::search_accounts(ctx, search)) accounts.push_back(entities::account(a, rc));
      }
    }
    return http::Response::json(
        boost::json::object{{"accounts", std::move(accounts)}, {"statuses", boost::json::array()},
                            {"hashtags", boost::json::array()}});
  });
}

}  // namespace agora::api
