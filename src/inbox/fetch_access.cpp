#include "inbox/fetch_access.h"

#include "inbox/negotiation.h"
#include "services/signed_requests.h"

namespace agora::inbox {

namespace {

void vary_by_signature(http::Response& r) {
  r.headers.set("Vary", std::string(r.headers.get_or("Vary", "")) + ", Signature");
}

}  // namespace

FetchAccess::FetchAccess(services::Context& ctx, const http::Request& req)
    : authorized_fetch_(ctx.config.authorized_fetch), signer_(services::fetching_account(ctx, req)) {}

http::Response FetchAccess::answer(const boost::json::value& document, bool shareable, int max_age_seconds) const {
  auto r = activity_json(document, shareable ? max_age_seconds : 0);  // 0: no-store
  if (!authorized_fetch_) return r;
  // Mastodon: `expires_in …, public: false` and `vary_by … Signature` in authorized fetch mode.
  if (shareable) r.headers.set("Cache-Control", "max-age=" + std::to_string(max_age_seconds) + ", private");
  vary_by_signature(r);
  return r;
}

http::Response redirect_for(const services::Context& ctx, std::string location) {
  auto r = redirect_to(std::move(location));
  if (ctx.config.authorized_fetch) vary_by_signature(r);
  return r;
}

}  // namespace agora::inbox
