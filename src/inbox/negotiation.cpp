#include "inbox/negotiation.h"

namespace agora::inbox {

bool wants_activity_json(const http::Request& req) {
  auto accept = req.headers.get_or("Accept", "");
  return accept.find("application/activity+json") != std::string_view::npos ||
         accept.find("application/ld+json") != std::string_view::npos ||
         accept.find("application/json") != std::string_view::npos;
}

http::Response activity_json(const boost::json::value& document, int max_age_seconds) {
  auto r = http::Response::json(document);
  r.headers.set("Content-Type", "application/activity+json; charset=utf-8");
  r.headers.set("Vary", "Accept, Accept-Encoding, Origin");
  r.headers.set("Cache-Control",
                max_age_seconds > 0 ? "max-age=" + std::to_string(max_age_seconds) + ", public" : "no-store");
  return r;
}

http::Response redirect_to(std::string location) {
  http::Response r;
  r.status = 302;
  r.headers.set("Location", std::move(location));
  r.headers.set("Vary", "Accept, Accept-Encoding, Origin");
  return r;
}

}  // namespace agora::inbox
