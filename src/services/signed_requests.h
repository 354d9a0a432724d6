// Who signed an incoming request: the HTTP signature is checked against
// Mastodon's rules, the key is found (stored, else fetched), and a signature
// that fails against a stored key is retried once with a fresh copy of the
// key (the actor may have rotated it). Errors are 401 with the precise reason.
#pragma once
#include "http/request.h"
#include "model/account.h"
#include "services/context.h"

namespace agora::services {

model::Account verify_signed_request(Context& ctx, const http::Request& req);

}  // namespace agora::services
