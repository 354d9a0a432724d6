// Who signed an incoming request: the HTTP signature is checked against
// Mastodon's rules, the key is found (stored, else fetched), and a signature
// that fails against a stored key is retried once with a fresh copy of the
// key (the actor may have rotated it). Errors are 401 with the precise reason.
#pragma once
#include <optional>

#include "http/request.h"
#include "model/account.h"
#include "services/context.h"

namespace agora::services {

model::Account verify_signed_request(Context& ctx, const http::Request& req);

// Who fetches a document (a GET of an actor, status or collection): the
// verified signer, as Mastodon's SignatureAuthentication#current_account.
// With authorized fetch on, a missing or bad signature is a 401 (Mastodon's
// require_account_signature!); otherwise such a fetch is simply anonymous.
// A signer on a suspended domain is refused (403) in both modes.
std::optional<model::Account> fetching_account(Context& ctx, const http::Request& req);

}  // namespace agora::services
