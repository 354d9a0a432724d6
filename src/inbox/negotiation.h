// Content negotiation shared by the federation routes: ActivityPub clients
// get JSON, browsers get the page.
#pragma once
#include <boost/json/value.hpp>
#include <string>

#include "http/request.h"
#include "http/response.h"

namespace agora::inbox {

// application/activity+json, application/ld+json (any profile), or plain JSON.
bool wants_activity_json(const http::Request& req);

// application/activity+json; charset=utf-8, varying by Accept; public for
// `max_age_seconds` (0: no-store, for documents that depend on the signer).
http::Response activity_json(const boost::json::value& document, int max_age_seconds = 180);

http::Response redirect_to(std::string location);

}  // namespace agora::inbox
