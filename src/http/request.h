// A parsed HTTP request as handlers see it: no Beast types, so handler code
// compiles without the heavy networking headers.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/headers.h"

namespace agora::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string target;  // as received: path and query
  std::string path;    // percent-decoded path, without the query
  std::string query;   // raw query string, without '?'
  Headers headers;
  std::string body;
  std::string remote_address;
  int64_t received_at_ms = 0;

  // Filled by routing: ":id" segments, and Mastodon-style merged parameters
  // from the query string and the (form or JSON) body.
  std::vector<std::pair<std::string, std::string>> path_params;
  boost::json::object params;

  std::string_view path_param(std::string_view name) const;
};

}  // namespace agora::http
