// GET /api/v2/search: accounts, statuses and hashtags, as Mastodon 4.3
// answers it; resolve=true fetches remote handles and URLs.
#include <algorithm>

#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "entities/account.h"
#include "entities/status.h"
#include "entities/tag.h"
#include "http/params.h"
#include "services/search.h"

namespace agora::api {

namespace {

// Mastodon's RESULTS_LIMIT; clients may ask for up to twice as many.
constexpr int kResultsLimit = 20;
constexpr int64_t kMaxOffset = 10000;

std::optional<int64_t> optional_id(const http::Request& req, const char* key) {
  auto text = http::param_string(req.params, key);
  if (!text || text->empty()) return std::nullopt;
  return parse_id(*text).value_or(0);
}

}  // namespace

void register_search_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v2/search", [&ctx](http::Request& req) {
    auto auth = optional_auth(ctx, req, {"read:search"});
    const auto& p = req.params;
    auto q = http::param_string(p, "q").value_or("");
    if (q.empty()) throw Error::bad_request("param is missing or the value is empty: q");
    bool signed_in = auth && auth->account;
    if (!signed_in) {
      if (http::param_string(p, "offset").value_or("") != "")
        throw Error::unauthorized("Search queries pagination is not supported without authentication");
      if (http::param_bool(p, "resolve").value_or(false))
        throw Error::unauthorized("Search queries that resolve remote resources are not supported without authentication");
    }
    services::SearchRequest search{
        .query = q,
        .type = http::param_string(p, "type").value_or(""),
        .viewer = signed_in ? std::optional<int64_t>(auth->account->id) : std::nullopt,
        .limit = std::max(1, limit_param(req, kResultsLimit, 2 * kResultsLimit)),
        .offset = static_cast<int>(std::clamp<int64_t>(lenient_int_param(req, "offset"), 0, kMaxOffset)),
        .following = http::param_bool(p, "following").value_or(false),
        .account_id = optional_id(req, "account_id"),
        .min_id = optional_id(req, "min_id"),
        .max_id = optional_id(req, "max_id"),
        .exclude_unreviewed = http::param_bool(p, "exclude_unreviewed").value_or(false),
        .resolve = http::param_bool(p, "resolve").value_or(false),
    };
    auto found = services::search(ctx, search);
    auto rc = render_context(ctx);
    boost::json::array accounts, statuses, hashtags;
    for (const auto& a : found.accounts) accounts.push_back(entities::account(a, rc));
    for (const auto& s : found.statuses) statuses.push_back(entities::status(s, rc));
    for (const auto& t : found.hashtags) hashtags.push_back(entities::tag(t, rc));
    return http::Response::json(boost::json::object{
        {"accounts", std::move(accounts)}, {"statuses", std::move(statuses)}, {"hashtags", std::move(hashtags)}});
  });
}

}  // namespace agora::api
