// OAuth client applications: registering one (POST /api/v1/apps) and
// authenticating one by its client id and secret.
#pragma once
#include <string>

#include "model/oauth.h"
#include "services/context.h"

namespace agora::services {

struct ApplicationRequest {
  std::string name;
  std::string redirect_uris;  // one or more URIs, separated by newlines
  std::string scopes;         // space-separated; blank means "read"
  std::string website;
};

constexpr size_t kMaxApplicationNameLength = 60;
constexpr size_t kMaxRedirectUriLength = 2000;
constexpr size_t kMaxWebsiteLength = 2000;

// Throws Error 422 "Validation failed: …" with Mastodon's (Doorkeeper's) messages.
model::OAuthApplication register_application(Context& ctx, const ApplicationRequest& request);

// The application a token was issued to; throws Error 404 if it is gone.
model::OAuthApplication find_application(Context& ctx, int64_t id);

struct ClientCredentials {
  std::string client_id;
  std::string client_secret;
};
// The application these credentials belong to; throws OAuthError invalid_client.
model::OAuthApplication authenticate_client(Context& ctx, const ClientCredentials& credentials);

}  // namespace agora::services
