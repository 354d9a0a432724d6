// NodeInfo and host-meta: how other servers and crawlers discover this one.
#include "activitypub/discovery.h"
#include "inbox/inbox.h"
#include "services/instance.h"

namespace agora::inbox {

namespace {
http::Response cached(http::Response r, const char* max_age) {
  r.headers.set("Cache-Control", std::string("max-age=") + max_age + ", public");
  return r;
}

bool wants_json(const http::Request& req) {
  auto accept = req.headers.get_or("Accept", "");
  return accept.find("application/json") != std::string_view::npos ||
         accept.find("application/jrd+json") != std::string_view::npos;
}
}  // namespace

void register_discovery_routes(http::Router& router, services::Context& ctx) {
  router.get("/.well-known/nodeinfo", [&ctx](http::Request&) {
    return cached(http::Response::json(activitypub::nodeinfo_links(ctx.config.base_url())), "259200");
  });
  for (std::string version : {"2.0", "2.1"}) {
    router.get("/nodeinfo/" + version, [&ctx, version](http::Request&) {
      auto r = http::Response::json(activitypub::nodeinfo(services::instance_overview(ctx), version));
      r.headers.set("Content-Type", "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/" +
                                        version + "#\"");
      return cached(std::move(r), "1800");
    });
  }
  router.get("/.well-known/host-meta", [&ctx](http::Request& req) {
    if (wants_json(req)) return cached(http::Response::json(activitypub::host_meta_json(ctx.config.base_url())), "259200");
    return cached(http::Response::text(activitypub::host_meta_xml(ctx.config.base_url()),
                                       "application/xrd+xml; charset=utf-8"),
                  "259200");
  });
  router.get("/.well-known/host-meta.json", [&ctx](http::Request&) {
    return cached(http::Response::json(activitypub::host_meta_json(ctx.config.base_url())), "259200");
  });
}

}  // namespace agora::inbox
