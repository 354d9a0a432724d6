// Pages reached from mails: confirming an e-mail address, and resetting a
// forgotten password.
#include "core/errors.h"
#include "services/password_resets.h"
#include "services/registrations.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {

http::Response reset_form(const Visit& visit, const std::string& token, const std::string& message, int status) {
  std::string body = alert(message) + "<form method=\"post\" action=\"/auth/password/edit\">" +
                     hidden_field("authenticity_token", visit.csrf_token()) +
                     hidden_field("reset_password_token", token) +
                     "<label>New password<input type=\"password\" name=\"user[password]\" minlength=\"8\" "
                     "maxlength=\"72\" autocomplete=\"new-password\" required autofocus></label>"
                     "<label>Confirm new password<input type=\"password\" name=\"user[password_confirmation]\" "
                     "autocomplete=\"new-password\" required></label>"
                     "<button type=\"submit\">Set new password</button></form>";
  return visit.page("Set a new password", body, status);
}

http::Response request_form(const Visit& visit, const std::string& message) {
  std::string body = notice(message) + "<form method=\"post\" action=\"/auth/password\">" +
                     hidden_field("authenticity_token", visit.csrf_token()) +
                     "<label>E-mail address<input type=\"email\" name=\"user[email]\" autocomplete=\"username\" "
                     "maxlength=\"320\" required autofocus></label>"
                     "<button type=\"submit\">Send reset instructions</button></form>";
  return visit.page("Forgot your password?", body);
}

}  // namespace

void register_account_email_routes(http::Router& router, services::Context& ctx) {
  router.get("/auth/confirmation", page_handler(ctx, [](Visit& visit) {
               if (!services::confirm_email(visit.ctx(), form_field(visit.request(), "confirmation_token")))
                 return visit.page("Confirmation failed",
                                   alert("This confirmation link is invalid or has expired. Ask for a new one "
                                         "from your app."),
                                   404);
               return visit.page("E-mail address confirmed",
                                 notice("Your e-mail address has been confirmed.") +
                                     "<p><a href=\"/auth/sign_in\">Sign in</a></p>");
             }));

  router.get("/auth/password/new", page_handler(ctx, [](Visit& visit) { return request_form(visit, ""); }));

  router.post("/auth/password", page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                services::request_password_reset(visit.ctx(), form_field(visit.request(), "user", "email"));
                // The same answer whether or not the address is known.
                return request_form(visit,
                                    "If your e-mail address exists in our database, you will receive a password "
                                    "recovery link at your e-mail address in a few minutes.");
              }));

  router.get("/auth/password/edit", page_handler(ctx, [](Visit& visit) {
               return reset_form(visit, form_field(visit.request(), "reset_password_token"), "", 200);
             }));

  router.post("/auth/password/edit", page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                const auto& req = visit.request();
                std::string token = form_field(req, "reset_password_token");
                try {
                  services::reset_password(visit.ctx(), token, form_field(req, "user", "password"),
                                           form_field(req, "user", "password_confirmation"));
                } catch (const Error& e) {
                  return reset_form(visit, token, e.message(), e.status());
                }
                return visit.page("Password changed",
                                  notice("Your password has been changed. You have been signed out everywhere.") +
                                      "<p><a href=\"/auth/sign_in\">Sign in</a></p>");
              }));
}

}  // namespace agora::web
