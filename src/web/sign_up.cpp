// The web sign-up form (GET/POST /auth/sign_up, and GET /invite/CODE for an
// invite link): the same rules as POST /api/v1/accounts, then "check your mail".
#include "core/errors.h"
#include "core/time.h"
#include "services/invites.h"
#include "services/instance.h"
#include "services/registrations.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {

struct Entered {
  std::string username, email, reason, invite_code;
};

http::Response sign_up_form(const Visit& visit, const Entered& entered, const std::string& message, int status) {
  model::InstanceSettings settings;
  bool invited = false;
  {
    auto conn = visit.ctx().db.acquire();
    settings = services::instance_settings(*conn);
    invited = services::usable_invite(*conn, entered.invite_code, now_ms()).has_value();
  }
  if (!entered.invite_code.empty() && !invited)
    return visit.page("Sign up", alert("This invitation link has expired or is no longer valid."), 403);
  if (settings.registrations_mode == model::RegistrationsMode::closed && !invited)
    return visit.page("Sign up", alert(settings.closed_registrations_message.empty()
                                           ? "Registrations are closed on this server."
                                           : settings.closed_registrations_message),
                      403);
  bool approval = settings.registrations_mode == model::RegistrationsMode::approved && !invited;
  std::string body =
      alert(message) + (invited ? notice("You have been invited to join this server.") : "") +
      (approval ? notice("Sign-ups on this server are reviewed by its moderators before they can be used.") : "") +
      "<form method=\"post\" action=\"/auth/sign_up\">" + hidden_field("authenticity_token", visit.csrf_token()) +
      (invited ? hidden_field("invite_code", entered.invite_code) : "") +
      "<label>Username<input type=\"text\" name=\"user[username]\" maxlength=\"30\" pattern=\"[A-Za-z0-9_]+\" "
      "autocomplete=\"username\" required autofocus value=\"" +
      escape(entered.username) +
      "\"></label>"
      "<label>E-mail address<input type=\"email\" name=\"user[email]\" maxlength=\"320\" autocomplete=\"email\" "
      "required value=\"" +
      escape(entered.email) +
      "\"></label>"
      "<label>Password<input type=\"password\" name=\"user[password]\" minlength=\"8\" maxlength=\"72\" "
      "autocomplete=\"new-password\" required></label>" +
      (approval ? "<label>Why do you want to join?<textarea name=\"user[reason]\" maxlength=\"500\">" +
                      escape(entered.reason) + "</textarea></label>"
                : "") +
      "<label><input type=\"checkbox\" name=\"user[agreement]\" value=\"1\" required> I agree to the server "
      "rules and privacy policy</label>"
      "<button type=\"submit\">Sign up</button></form>"
      "<p><a href=\"/auth/sign_in\">Already have an account? Sign in</a></p>";
  return visit.page("Sign up", body, status);
}

}  // namespace

void register_sign_up_routes(http::Router& router, services::Context& ctx) {
  router.get("/auth/sign_up", page_handler(ctx, [](Visit& visit) { return sign_up_form(visit, {}, "", 200); }));

  // Mastodon's /invite/:invite_code opens the sign-up form with the invite.
  router.get("/invite/:invite_code", page_handler(ctx, [](Visit& visit) {
               Entered entered;
               entered.invite_code = std::string(visit.request().path_param("invite_code"));
               if (entered.invite_code.size() > 64) entered.invite_code = "-";
               return sign_up_form(visit, entered, "", 200);
             }));

  router.post("/auth/sign_up", page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                const auto& req = visit.request();
                Entered entered{form_field(req, "user", "username"), form_field(req, "user", "email"),
                                form_field(req, "user", "reason"), form_field(req, "invite_code")};
                try {
                  services::sign_up(visit.ctx(), {.username = entered.username,
                                                  .email = entered.email,
                                                  .password = form_field(req, "user", "password"),
                                                  .agreement = form_field(req, "user", "agreement") == "1",
                                                  .reason = entered.reason,
                                                  .ip = visit.ip(),
                                                  .issue_token = false,
                                                  .invite_code = entered.invite_code});
                } catch (const Error& e) {
                  return sign_up_form(visit, entered, e.message(), e.status());
                }
                return visit.page("Check your mail",
                                  notice("A link to confirm your e-mail address is on its way to " + entered.email +
                                         ". Open it, then sign in."));
              }));
}

}  // namespace agora::web
