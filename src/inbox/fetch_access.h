// Who may read the documents other servers fetch here (actors, statuses,
// collections), and how the answers may be cached. In authorized fetch mode
// (Mastodon's secure mode) only signed requests get them (401 otherwise) and
// every answer is private and varies by Signature, since it may depend on the
// signer; a status is always shown with its signer as the viewer.
#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "http/request.h"
#include "http/response.h"
#include "model/account.h"
#include "services/context.h"

namespace agora::inbox {

class FetchAccess {
 public:
  // Verifies the request's signature: 401 in authorized fetch mode without a
  // valid one, 403 for a signer on a suspended domain.
  FetchAccess(services::Context& ctx, const http::Request& req);

  std::optional<int64_t> viewer() const { return signer_ ? std::optional(signer_->id) : std::nullopt; }

  // The document as activity+json, publicly cacheable for `max_age_seconds`
  // unless `shareable` is false (it holds what only this signer may see) or
  // authorized fetch is on.
  http::Response answer(const boost::json::value& document, bool shareable = true, int max_age_seconds = 180) const;

 private:
  bool authorized_fetch_;
  std::optional<model::Account> signer_;
};

// Browsers are sent to the page without a signature check (Mastodon checks
// only for JSON); the answer varies by Signature in authorized fetch mode.
http::Response redirect_for(const services::Context& ctx, std::string location);

}  // namespace agora::inbox
