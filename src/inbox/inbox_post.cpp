// POST /inbox (shared) and /users/:username/inbox: signed activities from
// other servers, verified and queued (202), or refused with the reason.
#include "activitypub/parse_json_ld.h"
#include "activitypub/parse_origin.h"
#include "core/errors.h"
#include "core/time.h"
#include "inbox/inbox.h"
#include "services/actor_documents.h"
#include "services/inbox.h"
#include "services/inbox_limits.h"
#include "services/signed_requests.h"

namespace agora::inbox {

namespace {

http::Response accepted() {
  http::Response r;
  r.status = 202;
  return r;
}

http::Response too_many_requests(int64_t retry_after_seconds) {
  auto r = http::Response::error(429, "Too many requests");
  r.headers.set("Retry-After", std::to_string(retry_after_seconds));
  return r;
}

}  // namespace

void register_inbox_routes(http::Router& router, services::Context& ctx) {
  auto receive = [&ctx](http::Request& req) {
    if (req.body.size() > activitypub::kMaxDocumentBytes) throw Error::too_large();
    const bool limited = ctx.config.rate_limits;  // off only for benchmarks, as every throttle
    if (limited)
      if (auto wait = services::inbox_limits::claimed_domain_waits(req, now_ms())) return too_many_requests(*wait);
    auto signer = services::verify_signed_request(ctx, req);
    if (limited)
      if (auto wait = services::inbox_limits::count(activitypub::host_of(signer.uri), now_ms()))
        return too_many_requests(*wait);
    services::inbox::accept(ctx, signer, req.body);
    return accepted();
  };
  router.post("/inbox", receive);
  router.post("/users/:username/inbox", [&ctx, receive](http::Request& req) {
    services::local_actor(ctx, req.path_param("username"));  // 404 for unknown inboxes
    return receive(req);
  });
}

}  // namespace agora::inbox
