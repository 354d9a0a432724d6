// Rendering a page of statuses (timelines, favourites, bookmarks, an
// account's statuses) with Mastodon's Link header: next by max_id, prev by min_id.
#pragma once
#include "http/request.h"
#include "http/response.h"
#include "model/pagination.h"
#include "model/status.h"
#include "services/context.h"

namespace agora::api {

// Mastodon's DEFAULT_STATUSES_LIMIT; clients may ask for up to twice as many.
constexpr int kDefaultStatusesLimit = 20;
constexpr int kMaxStatusesLimit = 2 * kDefaultStatusesLimit;

// The paging parameters of a status list.
model::PageRequest status_page_request(const http::Request& req);

http::Response status_list_response(const services::Context& ctx, const http::Request& req,
                                    const model::Paginated<model::StatusView>& page);

}  // namespace agora::api
