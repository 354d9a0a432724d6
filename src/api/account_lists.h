// Rendering what relationship endpoints answer: a Relationship, or a page
// of accounts with Mastodon's Link header (prev uses since_id for these lists).
#pragma once
#include <vector>

#include "http/request.h"
#include "http/response.h"
#include "model/pagination.h"
#include "model/relationship.h"
#include "services/context.h"

namespace agora::api {

// Mastodon's DEFAULT_ACCOUNTS_LIMIT; clients may ask for up to twice as many.
constexpr int kDefaultAccountsLimit = 40;
constexpr int kMaxAccountsLimit = 2 * kDefaultAccountsLimit;

// The paging parameters of an account list.
model::PageRequest account_page_request(const http::Request& req);

http::Response relationship_response(const model::Relationship& r);
http::Response account_list_response(const services::Context& ctx, const http::Request& req,
                                     const model::Paginated<model::Account>& page);
// Adds the Link header for any page answered by services.
template <class T>
void add_page_links(http::Response& res, const services::Context& ctx, const http::Request& req,
                    const model::Paginated<T>& page);

}  // namespace agora::api
