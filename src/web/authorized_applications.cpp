// GET /oauth/authorized_applications: the apps a member has let in (name,
// website, scopes, last use), each with a button that revokes its access
// (POST /oauth/authorized_applications/:id, as Mastodon's form with
// _method=delete).
#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/authorized_applications.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {

constexpr const char* kPath = "/oauth/authorized_applications";
constexpr const char* kSignInFirst = "/auth/sign_in?return_to=/oauth/authorized_applications";

std::string application_item(const Visit& visit, const services::AuthorizedApplication& a) {
  const auto& app = a.application;
  std::string id = std::to_string(app.id);
  std::string scopes;
  for (const auto& s : a.scopes) scopes += "<li><code>" + escape(s) + "</code></li>";
  std::string item = "<li class=\"app\" data-application=\"" + id + "\"><h2>" + escape(app.name) + "</h2>";
  if (!app.website.empty())
    item += "<p><a href=\"" + escape(app.website) + "\" rel=\"noopener noreferrer\">" + escape(app.website) + "</a></p>";
  item += "<ul class=\"scopes\" aria-label=\"Permissions\">" + scopes + "</ul><p class=\"muted last-used\">" +
          (a.last_used_at ? "Last used " + format_date(*a.last_used_at) : std::string("Never used")) + "</p>" +
          "<form method=\"post\" action=\"" + kPath + "/" + id + "\">" +
          hidden_field("authenticity_token", visit.csrf_token()) + hidden_field("_method", "delete") +
          "<button type=\"submit\" aria-label=\"Revoke " + escape(app.name) + "\">Revoke</button></form></li>";
  return item;
}

http::Response applications_page(const Visit& visit) {
  auto apps = services::authorized_applications(visit.ctx(), visit.session()->user.id);
  std::string body = "<p>These applications can use your account. Revoking one signs it out.</p>";
  if (apps.empty()) return visit.page("Authorized apps", body + "<p class=\"muted\">No authorized apps.</p>");
  body += "<ul class=\"authorized-apps\">";
  for (const auto& a : apps) body += application_item(visit, a);
  return visit.page("Authorized apps", body + "</ul>");
}

}  // namespace

void register_authorized_application_routes(http::Router& router, services::Context& ctx) {
  router.get(kPath, page_handler(ctx, [](Visit& visit) {
               if (!visit.session()) return visit.redirect(kSignInFirst);
               return applications_page(visit);
             }));

  router.post(std::string(kPath) + "/:id", page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
                auto id = parse_id(visit.request().path_param("id"));
                if (!id) throw Error::not_found();
                services::revoke_authorized_application(visit.ctx(), visit.session()->user.id, *id);
                return visit.redirect(kPath);
              }));
}

}  // namespace agora::web
