#include "api/account_lists.h"

#include <boost/json.hpp>

#include "api/pagination.h"
#include "api/render.h"
#include "entities/account.h"
#include "entities/relationship.h"
#include "model/tag_views.h"

namespace agora::api {

model::PageRequest account_page_request(const http::Request& req) {
  return read_page(req, kDefaultAccountsLimit, kMaxAccountsLimit);
}

http::Response relationship_response(const model::Relationship& r) {
  return http::Response::json(entities::relationship(r));
}

template <class T>
void add_page_links(http::Response& res, const services::Context& ctx, const http::Request& req,
                    const model::Paginated<T>& page) {
  add_link_header(res, ctx.config.base_url(), req, page.next_max_id, page.prev_since_id, "since_id");
}
template void add_page_links(http::Response&, const services::Context&, const http::Request&,
                             const model::Paginated<model::Account>&);
template void add_page_links(http::Response&, const services::Context&, const http::Request&,
                             const model::Paginated<model::MutedAccount>&);
template void add_page_links(http::Response&, const services::Context&, const http::Request&,
                             const model::Paginated<std::string>&);
template void add_page_links(http::Response&, const services::Context&, const http::Request&,
                             const model::Paginated<model::TagView>&);

http::Response account_list_response(const services::Context& ctx, const http::Request& req,
                                     const model::Paginated<model::Account>& page) {
  auto rc = render_context(ctx);
  boost::json::array body;
  for (const auto& a : page.items) body.push_back(entities::account(a, rc));
  auto res = http::Response::json(body);
  add_page_links(res, ctx, req, page);
  return res;
}

}  // namespace agora::api
