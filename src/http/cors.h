// Cross-origin access as Mastodon allows it: any origin, no credentials, on
// the API, OAuth token endpoints and discovery documents.
#pragma once
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace agora::http {

// True if `path` is open to cross-origin requests.
bool cors_applies(std::string_view path);
// Adds Access-Control-* headers to a normal response.
void add_cors_headers(std::string_view path, Response& response);
// The answer to an OPTIONS preflight request.
Response cors_preflight(const Request& request);

}  // namespace agora::http
