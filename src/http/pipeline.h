// Everything around a handler: path normalisation, CORS, routing, parameter
// parsing, and turning errors into Mastodon's {"error": ...} in one place.
#pragma once
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"

namespace agora::http {

Response handle_request(const Router& router, Request& request);

}  // namespace agora::http
