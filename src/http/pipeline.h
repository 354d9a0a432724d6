// Everything around a handler: path normalisation, CORS, routing, parameter
// parsing, and turning errors into Mastodon's {"error": ...} in one place.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/rate_limit.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace agora::http {

struct PipelineOptions {
  RateLimiter* rate_limiter = nullptr;  // none: no limits
  std::vector<std::string> trusted_proxies;
  // True for a client address refused outright (403), before routing.
  std::function<bool(const std::string&)> address_refused;
};

Response handle_request(const Router& router, Request& request, const PipelineOptions& options = {});

}  // namespace agora::http
