// Ids and numbers in paths and parameters, read the way Mastodon reads them.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace agora::api {

// The ":name" path segment as an id; 404 "Record not found" when it is none,
// as a Rails find would answer.
int64_t path_id(const http::Request& req, std::string_view name = "id");
// "id[]=1&id[]=2", "id=1" or a JSON array, skipping entries that are no ids.
std::vector<int64_t> id_list_param(const http::Request& req, std::string_view key);
// Ruby's String#to_i: the leading integer, 0 when there is none (never an error).
int64_t lenient_int_param(const http::Request& req, std::string_view key, int64_t fallback = 0);

}  // namespace agora::api
