// Trends computed from local activity: GET /api/v1/trends/tags (and its old
// name /api/v1/trends), /api/v1/trends/statuses and /api/v1/trends/links,
// paged by offset with Mastodon's Link headers.
#include <algorithm>

#include <boost/json.hpp>

#include "api/api.h"
#include "api/auth.h"
#include "api/ids.h"
#include "api/pagination.h"
#include "api/render.h"
#include "entities/status.h"
#include "entities/tag.h"
#include "services/hashtags.h"
#include "services/status_search.h"

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

}  // namespace agora::api
