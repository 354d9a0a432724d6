// Trends computed from local activity: GET /api/v1/trends/tags (and its old
// name /api/v1/trends), /api/v1/trends/statuses and /api/v1/trends/links,
// paged by offset with Mastodon's Link headers; and the admin API's review of
// them (/api/v1/admin/trends/tags|statuses|links, approve and reject).
#include <algorithm>
#include <set>

#include <boost/json.hpp>

#include "api/admin_auth.h"
#include "api/api.h"
#include "api/content_routes.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "entities/admin_trend.h"
#include "entities/status.h"
#include "entities/tag.h"
#include "services/hashtags.h"
#include "services/status_search.h"
#include "services/trend_reviews.h"
#include "store/status_discovery.h"

namespace agora::api {

namespace {

// Mastodon's defaults per list; clients may ask for up to twice as many.
constexpr int kTagsLimit = 10;
constexpr int kStatusesLimit = 20;
constexpr int kLinksLimit = 10;
constexpr int64_t kMaxOffset = 10000;

struct OffsetPage {
  int limit;
  int offset;
};

OffsetPage offset_page(const http::Request& req, int default_limit) {
  return {limit_param(req, default_limit, 2 * default_limit),
          static_cast<int>(std::clamp<int64_t>(lenient_int_param(req, "offset"), 0, kMaxOffset))};
}

// Next when the page is full; previous only past the first page, as Mastodon's trends controllers link.
http::Response offset_list(const services::Context& ctx, const http::Request& req, boost::json::array body,
                           const OffsetPage& page) {
  std::optional<int64_t> next, prev;
  if (static_cast<int>(body.size()) == page.limit) next = page.offset + page.limit;
  if (page.offset > page.limit) prev = page.offset - page.limit;
  auto res = http::Response::json(body);
  add_offset_link_header(res, ctx.config.base_url(), req, next, prev);
  return res;
}

std::optional<int64_t> viewer_of(services::Context& ctx, const http::Request& req) {
  auto auth = optional_auth(ctx, req);
  if (auth && auth->account) return auth->account->id;
  return std::nullopt;
}

// Mastodon's admin trends index: a member who may review sees every candidate
// as the admin entity, anyone else the public list (authorize_if_got_token!).
std::optional<services::Staff> reviewer(services::Context& ctx, const http::Request& req) {
  auto auth = authorize_if_token(ctx, req, {"admin:read"});
  if (!auth || !auth->user) return std::nullopt;
  auto staff = services::staff_member(ctx, auth);
  if (!services::may_review_trends(staff)) return std::nullopt;
  return staff;
}

bool trendable_by_default(services::Context& ctx) {
  auto conn = ctx.db.acquire();
  return services::public_trend_review(*conn) == store::tags::TrendReview::reviewed_or_unreviewed;
}

}  // namespace

void register_trends_routes(http::Router& router, services::Context& ctx) {
  auto tags = [&ctx](http::Request& req) {
    auto viewer = viewer_of(ctx, req);
    auto page = offset_page(req, kTagsLimit);
    auto rc = render_context(ctx);
    boost::json::array body;
    if (page.limit > 0)
      for (const auto& t : services::trending_tags(ctx, viewer, page.limit, page.offset))
        body.push_back(entities::tag(t, rc));
    return offset_list(ctx, req, std::move(body), page);
  };
  router.get("/api/v1/trends", tags);
  router.get("/api/v1/trends/tags", tags);

  router.get("/api/v1/trends/statuses", [&ctx](http::Request& req) {
    auto viewer = viewer_of(ctx, req);
    auto page = offset_page(req, kStatusesLimit);
    auto rc = render_context(ctx);
    boost::json::array body;
    if (page.limit > 0)
      for (const auto& s : services::trending_statuses(ctx, viewer, page.limit, page.offset))
        body.push_back(entities::status(s, rc));
    return offset_list(ctx, req, std::move(body), page);
  });

  // Links trend from preview cards, which agora does not make yet.
  router.get("/api/v1/trends/links", [&ctx](http::Request& req) {
    viewer_of(ctx, req);  // a bad token is still refused
    return offset_list(ctx, req, boost::json::array(), offset_page(req, kLinksLimit));
  });
}

void register_admin_trend_routes(http::Router& router, services::Context& ctx) {
  router.get("/api/v1/admin/trends/tags", [&ctx](http::Request& req) {
    auto staff = reviewer(ctx, req);
    auto viewer = staff ? std::optional(staff->account.id) : viewer_of(ctx, req);
    auto page = offset_page(req, kTagsLimit);
    auto rc = render_context(ctx);
    bool by_default = trendable_by_default(ctx);
    boost::json::array body;
    if (page.limit > 0)
      for (const auto& t : services::trending_tags(ctx, viewer, page.limit, page.offset, staff.has_value()))
        body.push_back(staff ? entities::admin_tag(t, rc, by_default) : entities::tag(t, rc));
    return offset_list(ctx, req, std::move(body), page);
  });
  router.get("/api/v1/admin/trends/statuses", [&ctx](http::Request& req) {
    auto staff = reviewer(ctx, req);
    auto viewer = staff ? std::optional(staff->account.id) : viewer_of(ctx, req);
    auto page = offset_page(req, kStatusesLimit);
    auto rc = render_context(ctx);
    boost::json::array body;
    if (page.limit > 0) {
      auto views = services::trending_statuses(ctx, viewer, page.limit, page.offset, staff.has_value());
      std::set<int64_t> unreviewed;
      if (staff) {
        std::vector<int64_t> ids;
        for (const auto& v : views) ids.push_back(v.status.id);
        auto conn = ctx.db.acquire();
        unreviewed = store::status_discovery::unreviewed_among(*conn, ids);
      }
      for (const auto& v : views)
        body.push_back(staff ? entities::admin_trend_status(v, rc, unreviewed.contains(v.status.id))
                             : entities::status(v, rc));
    }
    return offset_list(ctx, req, std::move(body), page);
  });
  router.get("/api/v1/admin/trends/links", [&ctx](http::Request& req) {
    authorize_if_token(ctx, req, {"admin:read"});
    return offset_list(ctx, req, boost::json::array(), offset_page(req, kLinksLimit));
  });

  for (bool approve : {true, false}) {
    std::string verb = approve ? "approve" : "reject";
    router.post("/api/v1/admin/trends/tags/:id/" + verb, [&ctx, approve](http::Request& req) {
      auto staff = require_staff(ctx, req, "admin:write");
      auto view = services::review_tag(ctx, staff, path_id(req), approve);
      return http::Response::json(entities::admin_tag(view, render_context(ctx), trendable_by_default(ctx)));
    });
    router.post("/api/v1/admin/trends/statuses/:id/" + verb, [&ctx, approve](http::Request& req) {
      auto staff = require_staff(ctx, req, "admin:write");
      auto view = services::review_status(ctx, staff, path_id(req), approve);
      return http::Response::json(entities::admin_trend_status(view, render_context(ctx), false));
    });
    router.post("/api/v1/admin/trends/links/:id/" + verb, [&ctx, approve](http::Request& req) {
      auto staff = require_staff(ctx, req, "admin:write");
      services::review_link(ctx, staff, path_id(req), approve);
      return http::Response::json(boost::json::object{});
    });
  }
}

}  // namespace agora::api
