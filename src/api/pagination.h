// Mastodon's id-based pagination: max_id / since_id / min_id / limit in,
// a Link header with rel="next" and rel="prev" out.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "http/request.h"
#include "http/response.h"
#include "model/pagination.h"

namespace agora::api {

using Page = model::PageRequest;

// Reads the paging parameters; limit is clamped to 1..max_limit as Mastodon does.
Page read_page(const http::Request& req, int default_limit, int max_limit);

// Mastodon's limit_param: the default when absent, else |to_i| capped at
// `max_limit` (so "abc" and "0" give 0).
int limit_param(const http::Request& req, int default_limit, int max_limit);

// Adds `Link: <…?max_id=N>; rel="next", <…?min_id=M>; rel="prev"` keeping the
// request's other parameters. `prev_key` is "min_id" (timelines) or
// "since_id" (account lists), as Mastodon varies it per endpoint. Nothing is
// added for an empty page.
void add_link_header(http::Response& res, const std::string& base_url, const http::Request& req,
                     std::optional<int64_t> next_max_id, std::optional<int64_t> prev_id,
                     const char* prev_key = "min_id");

// The same for lists paged by offset (trends): `<…?offset=N>; rel="next"` and rel="prev".
void add_offset_link_header(http::Response& res, const std::string& base_url, const http::Request& req,
                            std::optional<int64_t> next_offset, std::optional<int64_t> prev_offset);

}  // namespace agora::api
