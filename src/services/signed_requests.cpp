#include "services/signed_requests.h"

#include "activitypub/parse_origin.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/time.h"
#include "federation/http_signatures.h"
#include "services/resolver.h"

namespace agora::services {

model::Account verify_signed_request(Context& ctx, const http::Request& req) {
  auto parsed = federation::parse_signature(req);
  if (!parsed.claim) throw Error::unauthorized(parsed.error);
  const auto& claim = *parsed.claim;
  int64_t now = now_ms();
  federation::VerifyOptions options{ctx.config.scheme()};
  if (auto refused = federation::check_signed_request(claim, req, now, options)) throw Error::unauthorized(*refused);
  if (resolver::domain_not_allowed(ctx, activitypub::host_of(claim.key_id))) throw Error::forbidden("Domain is blocked");

  auto signer = resolver::account_by_key_id(ctx, claim.key_id);
  if (!signer) throw Error::unauthorized("Could not retrieve the public key of " + claim.key_id);
  auto result = federation::verify_signature(claim, req, signer->public_key_pem, now, options);
  if (result.status == federation::VerifyStatus::bad_signature) {
    if (auto fresh = resolver::account_by_key_id(ctx, claim.key_id, resolver::Freshness::refresh)) {
      signer = fresh;
      result = federation::verify_signature(claim, req, signer->public_key_pem, now, options);
    }
  }
  if (!result.ok()) {
    log::info("signature of {} refused: {}", claim.key_id, result.reason);
    throw Error::unauthorized(result.reason);
  }
  return *signer;
}

std::optional<model::Account> fetching_account(Context& ctx, const http::Request& req) {
  try {
    return verify_signed_request(ctx, req);
  } catch (const Error& e) {
    if (ctx.config.authorized_fetch || e.status() != 401) throw;
    return std::nullopt;  // unsigned or badly signed: anonymous
  }
}

}  // namespace agora::services
