// GET /oauth/authorize (sign-in form or consent page), POST /oauth/authorize
// (Authorize or Deny) and DELETE /oauth/authorize (Deny, as Doorkeeper
// routes it). Out-of-band clients get a page showing the code; unlike
// Doorkeeper's /oauth/authorize/native?code=…, the code never appears in a
// URL, so it stays out of access logs and browser history.
#include <array>
#include <utility>

#include "core/errors.h"
#include "http/params.h"
#include "services/authorization.h"
#include "web/html.h"
#include "web/sign_in.h"
#include "web/web.h"

namespace agora::web {

namespace {

// What each scope lets an application do, as Mastodon words it.
constexpr std::array<std::pair<std::string_view, std::string_view>, 45> kScopeDescriptions = {{
    {"read", "read all your account's data"},
    {"write", "modify all your account's data"},
    {"follow", "modify account relationships"},
    {"push", "receive your push notifications"},
    {"profile", "read only your account's profile information"},
    {"read:accounts", "see accounts information"},
    {"read:blocks", "see your blocks"},
    {"read:bookmarks", "see your bookmarks"},
    {"read:favourites", "see your favorites"},
    {"read:filters", "see your filters"},
    {"read:follows", "see your follows"},
    {"read:lists", "see your lists"},
    {"read:mutes", "see your mutes"},
    {"read:notifications", "see your notifications"},
    {"read:search", "search on your behalf"},
    {"read:statuses", "see all posts"},
    {"write:accounts", "modify your profile"},
    {"write:blocks", "block accounts and domains"},
    {"write:bookmarks", "bookmark posts"},
    {"write:conversations", "mute and delete conversations"},
    {"write:favourites", "favorite posts"},
    {"write:filters", "create filters"},
    {"write:follows", "follow people"},
    {"write:lists", "create lists"},
    {"write:media", "upload media files"},
    {"write:mutes", "mute people and conversations"},
    {"write:notifications", "clear your notifications"},
    {"write:reports", "report other people"},
    {"write:statuses", "publish posts"},
    {"admin:read", "read all data on the server"},
    {"admin:read:accounts", "read sensitive information of all accounts"},
    {"admin:read:reports", "read sensitive information of all reports and reported accounts"},
    {"admin:read:domain_allows", "read sensitive information of all domain allows"},
    {"admin:read:domain_blocks", "read sensitive information of all domain blocks"},
    {"admin:read:ip_blocks", "read sensitive information of all IP blocks"},
    {"admin:read:email_domain_blocks", "read sensitive information of all email domain blocks"},
    {"admin:read:canonical_email_blocks", "read sensitive information of all canonical email blocks"},
    {"admin:write", "modify all data on the server"},
    {"admin:write:accounts", "perform moderation actions on accounts"},
    {"admin:write:reports", "perform moderation actions on reports"},
    {"admin:write:domain_allows", "perform moderation actions on domain allows"},
    {"admin:write:domain_blocks", "perform moderation actions on domain blocks"},
    {"admin:write:ip_blocks", "perform moderation actions on IP blocks"},
    {"admin:write:email_domain_blocks", "perform moderation actions on email domain blocks"},
    {"admin:write:canonical_email_blocks", "perform moderation actions on canonical email blocks"},
}};

std::string_view scope_description(std::string_view scope) {
  for (const auto& [name, text] : kScopeDescriptions)
    if (name == scope) return text;
  return "";
}

std::string param(const http::Request& req, std::string_view key) {
  return http::param_string(req.params, key).value_or("");
}

services::AuthorizationRequest authorization_request(const http::Request& req) {
  return {param(req, "response_type"), param(req, "client_id"),      param(req, "redirect_uri"),
          http::param_string(req.params, "scope"), param(req, "state"), param(req, "code_challenge"),
          param(req, "code_challenge_method"),       param(req, "response_mode")};
}

http::Response error_page(const Visit& visit, const services::OAuthError& e) {
  return visit.page("An error has occurred", "<p class=\"alert\">" + escape(e.description()) + "</p>", e.status());
}

// Validates the request; on failure either redirects the error to the client
// or shows it, as RFC 6749 §4.1.2.1 says.
std::optional<services::PreAuthorization> pre_authorize(const Visit& visit, http::Response& failure) {
  try {
    return services::pre_authorize(visit.ctx(), authorization_request(visit.request()));
  } catch (const services::AuthorizationError& e) {
    failure = e.redirect_to().empty() ? error_page(visit, e) : visit.redirect(e.redirect_to());
    return std::nullopt;
  }
}

http::Response consent_page(const Visit& visit, const services::PreAuthorization& pre) {
  const auto& app = pre.app;
  std::string scopes;
  for (const auto& s : pre.scopes)
    scopes += "<li><code>" + escape(s) + "</code> – " + escape(scope_description(s)) + "</li>";
  std::string name = "<strong>" + escape(app.name) + "</strong>";
  if (!app.website.empty())
    name = "<a href=\"" + escape(app.website) + "\" rel=\"noopener noreferrer\">" + name + "</a>";

  std::string fields = hidden_field("authenticity_token", visit.csrf_token()) +
                       hidden_field("client_id", app.client_id) + hidden_field("redirect_uri", pre.redirect_uri) +
                       hidden_field("response_type", "code") + hidden_field("state", pre.state) +
                       hidden_field("scope", pre.scope_string()) +
                       hidden_field("code_challenge", pre.code_challenge) +
                       hidden_field("code_challenge_method", pre.code_challenge_method) +
                       hidden_field("response_mode", pre.fragment ? "fragment" : "");
  std::string body =
      "<p>" + name + " would like permission to access your account. It is a third-party application. "
      "If you do not trust it, then you should not authorize it.</p>"
      "<p>It will be able to:</p><ul class=\"scopes\">" + scopes + "</ul>"
      "<form method=\"post\" action=\"/oauth/authorize\">" + fields +
      "<div class=\"actions\"><button type=\"submit\" name=\"decision\" value=\"approve\">Authorize</button>"
      "<button class=\"secondary\" type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></div></form>"
      "<div class=\"muted\"><p>Not @" + escape(visit.session()->account.username) + "?</p>"
      "<form method=\"post\" action=\"/auth/sign_out\">" +
      hidden_field("authenticity_token", visit.csrf_token()) +
      hidden_field("return_to", local_path(visit.request().target)) +
      "<button class=\"secondary\" type=\"submit\">Sign in as someone else</button></form></div>";
  return visit.page("Authorization required", body);
}

http::Response approve(const Visit& visit, const services::PreAuthorization& pre) {
  auto approval = services::approve_authorization(visit.ctx(), pre, visit.session()->user.id);
  if (!approval.redirect_to.empty()) return visit.redirect(approval.redirect_to);
  return visit.page("Authorization code",
                    "<p>Copy this authorization code and paste it into " + escape(pre.app.name) + ".</p>"
                    "<code class=\"secret\">" + escape(approval.code) + "</code>");
}

http::Response deny(const Visit& visit, const services::PreAuthorization& pre) {
  std::string target = services::deny_authorization(pre);
  if (target.empty()) return error_page(visit, services::OAuthError::access_denied());
  return visit.redirect(target);
}

}  // namespace

void register_authorization_routes(http::Router& router, services::Context& ctx) {
  router.get("/oauth/authorize", page_handler(ctx, [](Visit& visit) {
               http::Response failure;
               auto pre = pre_authorize(visit, failure);
               if (!pre) return failure;
               if (!visit.session()) return sign_in_form(visit, visit.request().target);
               // As Mastodon: an app the member already authorized for these
               // scopes gets a new code at once, unless force_login asks to confirm.
               bool force = http::param_bool(visit.request().params, "force_login").value_or(false);
               if (!force && services::previously_authorized(visit.ctx(), *pre, visit.session()->user.id))
                 return approve(visit, *pre);
               return consent_page(visit, *pre);
             }));

  router.post("/oauth/authorize", page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
                http::Response failure;
                auto pre = pre_authorize(visit, failure);
                if (!pre) return failure;
                if (param(visit.request(), "decision") != "approve") return deny(visit, *pre);
                return approve(visit, *pre);
              }));

  router.del("/oauth/authorize", page_handler(ctx, [](Visit& visit) {
               visit.require_csrf();
               if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
               http::Response failure;
               auto pre = pre_authorize(visit, failure);
               if (!pre) return failure;
               return deny(visit, *pre);
             }));
}

}  // namespace agora::web
