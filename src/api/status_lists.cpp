#include "api/status_lists.h"

#include <boost/json.hpp>

#include "api/pagination.h"
#include "api/render.h"
#include "entities/status.h"

namespace agora::api {

model::PageRequest status_page_request(const http::Request& req) {
  return read_page(req, kDefaultStatusesLimit, kMaxStatusesLimit);
}

http::Response status_list_response(const services::Context& ctx, const http::Request& req,
                                    const model::Paginated<model::StatusView>& page) {
  // The page is built in one buffer, freed at once after it is serialized.
  boost::json::monotonic_resource memory;
  auto rc = render_context(ctx);
  rc.storage = &memory;
  boost::json::array body(rc.storage);
  for (const auto& v : page.items) body.push_back(entities::status(v, rc));
  auto res = http::Response::json(body);
  add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "min_id");
  return res;
}

}  // namespace agora::api
