#include "services/apps.h"

#include <boost/url/parse.hpp>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "core/utf8.h"
#include "services/auth.h"
#include "services/oauth_errors.h"
#include "services/redirect_uris.h"
#include "services/validation.h"
#include "store/oauth.h"

namespace agora::services {

namespace {

std::vector<std::string> split_uris(const std::string& text) {
  // Doorkeeper splits the stored text on any whitespace.
  return store::oauth::split_scopes(text);
}

bool plausible_website(const std::string& website) {
  auto u = boost::urls::parse_absolute_uri(website);
  if (!u) return false;
  std::string scheme(u->scheme());
  return (scheme == "http" || scheme == "https") && !u->encoded_host().empty();
}

}  // namespace

model::OAuthApplication register_application(Context& ctx, const ApplicationRequest& r) {
  auto uris = split_uris(r.redirect_uris);
  auto scopes = store::oauth::split_scopes(r.scopes);
  if (scopes.empty()) scopes.push_back("read");

  Validation v;
  if (r.name.find_first_not_of(" \t\r\n") == std::string::npos)
    v.add("name", "Application name", "ERR_BLANK", "can't be blank");
  if (uris.empty()) v.add("redirect_uri", "Redirect URI", "ERR_BLANK", "can't be blank");
  for (const auto& uri : uris)
    if (auto problem = redirect_uri_problem(uri)) {
      v.add("redirect_uri", "Redirect URI", "ERR_INVALID", *problem);
      break;
    }
  for (const auto& s : scopes)
    if (!known_scope(s)) {
      v.add("scopes", "Scopes", "ERR_INVALID", "doesn't match configured on the server.");
      break;
    }
  if (utf8_length(r.name) > kMaxApplicationNameLength)
    v.add("name", "Application name", "ERR_TOO_LONG", "is too long (maximum is 60 characters)");
  if (!r.website.empty() && (r.website.size() > kMaxWebsiteLength || !plausible_website(r.website)))
    v.add("website", "Application website", "ERR_INVALID", "is invalid");
  if (r.redirect_uris.size() > kMaxRedirectUriLength)
    v.add("redirect_uri", "Redirect URI", "ERR_TOO_LONG", "is too long (maximum is 2000 characters)");
  v.throw_if_failed(false);

  model::OAuthApplication app{next_id(),
                              r.name,
                              r.website,
                              uris,
                              scopes,
                              crypto::random_token(32),
                              crypto::random_token(32),
                              now_ms()};
  auto conn = ctx.db.acquire();
  store::oauth::insert_application(*conn, app);
  return app;
}

model::OAuthApplication find_application(Context& ctx, int64_t id) {
  auto conn = ctx.db.acquire();
  auto app = store::oauth::find_application(*conn, id);
  if (!app) throw Error::not_found();
  return *app;
}

model::OAuthApplication authenticate_client(Context& ctx, const ClientCredentials& credentials) {
  if (credentials.client_id.empty() || credentials.client_secret.empty()) throw OAuthError::invalid_client();
  auto conn = ctx.db.acquire();
  auto app = store::oauth::find_application_by_client_id(*conn, credentials.client_id);
  if (!app || !crypto::equal_secrets(app->client_secret, credentials.client_secret)) throw OAuthError::invalid_client();
  return *app;
}

}  // namespace agora::services
