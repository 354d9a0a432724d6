// The small HTTP client object storage uses (libcurl). Unlike federation's
// client it has no address guard: the endpoint is the operator's own
// configuration and may well be on loopback or a private network.
#pragma once
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agora::media {

struct ObjectHttpRequest {
  std::string method;  // GET, PUT, DELETE, HEAD
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // sent as given (a Host header replaces curl's)
  std::string_view body;
  size_t max_response_bytes = 1024 * 1024;
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds timeout{60'000};
};

struct ObjectHttpResponse {
  int status = 0;
  std::string body;
  bool too_large = false;  // the body was cut off at max_response_bytes
};

// Performs one request without following redirects. Throws std::runtime_error
// when no HTTP answer arrives (connection refused, timeout, TLS failure).
ObjectHttpResponse perform(const ObjectHttpRequest& request);

}  // namespace agora::media
