// The unsubscribe link of notification mails (Mastodon's /unsubscribe): GET
// asks to confirm, POST turns that notification type's mails off. The signed
// token is the authority, so no sign-in and no CSRF token: mail clients post
// "List-Unsubscribe=One-Click" to the same URL (RFC 8058).
#include "services/notification_emails.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {
http::Response invalid(const Visit& visit) {
  return visit.page("Unsubscribe", alert("This unsubscribe link is invalid."), 404);
}
}  // namespace

void register_unsubscribe_routes(http::Router& router, services::Context& ctx) {
  router.get("/unsubscribe", page_handler(ctx, [](Visit& visit) {
               std::string token = form_field(visit.request(), "token");
               auto u = services::notification_emails::verify_unsubscribe_token(visit.ctx(), token);
               if (!u) return invalid(visit);
               return visit.page("Unsubscribe",
                                 "<p>Stop receiving " +
                                     (u->type == "digest" ? std::string("the weekly digest")
                                                          : "e-mails about new " + escape(u->type) + " notifications") +
                                     "?</p>" +
                                     "<form method=\"post\" action=\"/unsubscribe\">" + hidden_field("token", token) +
                                     "<button type=\"submit\">Unsubscribe</button></form>");
             }));
  router.post("/unsubscribe", page_handler(ctx, [](Visit& visit) {
                if (!services::notification_emails::unsubscribe(visit.ctx(), form_field(visit.request(), "token")))
                  return invalid(visit);
                return visit.page("Unsubscribe", notice("You will no longer receive these e-mails."));
              }));
}

}  // namespace agora::web
