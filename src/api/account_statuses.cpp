// GET /api/v1/accounts/:id/statuses with pinned, only_media,
// exclude_replies, exclude_reblogs and tagged, paged by status id.
#include "api/api.h"
#include "api/auth.h"
#include "api/status_lists.h"
#include "http/params.h"
#include "services/account_lookup.h"
#include "services/account_statuses.h"

namespace agora::api {

namespace {

bool flag(const http::Request& req, std::string_view key) {
  return http::param_bool(req.params, key).value_or(false);
}

}  // namespace

void register_account_statuses_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/accounts/:id/statuses", [&ctx](http::Request& req) {
    auto auth = optional_auth(ctx, req, {"read:statuses"});
    std::optional<int64_t> viewer;
    if (auth && auth->account) viewer = auth->account->id;
    auto account = services::find_account(ctx, req.path_param("id"));
    services::AccountStatusesRequest r;
    r.pinned = flag(req, "pinned");
    r.only_media = flag(req, "only_media");
    r.exclude_replies = flag(req, "exclude_replies");
    r.exclude_reblogs = flag(req, "exclude_reblogs");
    if (auto tagged = http::param_string(req.params, "tagged"); tagged && !tagged->empty()) r.tagged = *tagged;
    r.page = status_page_request(req);
    return cache_if_unauthenticated(status_list_response(ctx, req, services::account_statuses(ctx, viewer, account, r)),
                                    auth);
  });
}

}  // namespace agora::api
