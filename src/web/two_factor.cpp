// GET/POST /settings/two_factor: turning two-factor authentication on (scan
// or type the secret, confirm with password and a code) and off (a code).
#include "core/errors.h"
#include "services/two_factor.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {

constexpr const char* kPath = "/settings/two_factor";
constexpr const char* kSignInFirst = "/auth/sign_in?return_to=/settings/two_factor";

// The secret in groups of four, easier to type into an app.
std::string grouped(const std::string& secret) {
  std::string out;
  for (size_t i = 0; i < secret.size(); i += 4) out += (i ? " " : "") + secret.substr(i, 4);
  return out;
}

http::Response settings_page(const Visit& visit, const std::string& message = "", int status = 200) {
  const auto& user = visit.session()->user;
  auto setup = services::totp_setup(visit.ctx(), user, visit.ctx().config.domain);
  std::string body = message.empty() ? "" : "<p class=\"alert\" role=\"alert\">" + escape(message) + "</p>";
  std::string form_start = "<form method=\"post\" action=\"/settings/two_factor\">" +
                           hidden_field("authenticity_token", visit.csrf_token());
  std::string code_input =
      "<label>Two-factor code<input type=\"text\" name=\"otp_attempt\" inputmode=\"numeric\" "
      "autocomplete=\"one-time-code\" maxlength=\"16\" required></label>";
  if (setup.enabled) {
    body += "<p>Two-factor authentication is <strong>enabled</strong>. Signing in needs a code from your "
            "authenticator app.</p>" +
            form_start + hidden_field("intent", "disable") + code_input +
            "<button type=\"submit\">Disable</button></form>";
  } else {
    body += "<p>Two-factor authentication is <strong>disabled</strong>. Add this account to an authenticator app "
            "(such as Aegis, FreeOTP or Google Authenticator) with this key:</p>"
            "<code class=\"secret\">" + escape(grouped(setup.secret)) + "</code>"
            "<p class=\"muted\">Or open this link on the device with the app:<br><a href=\"" +
            escape(setup.otpauth_uri) + "\">" + escape(setup.otpauth_uri) + "</a></p>" + form_start +
            hidden_field("intent", "enable") +
            "<label>Password<input type=\"password\" name=\"current_password\" autocomplete=\"current-password\" "
            "required></label>" +
            code_input + "<button type=\"submit\">Enable</button></form>";
  }
  return visit.page("Two-factor authentication", body, status);
}

}  // namespace

void register_two_factor_routes(http::Router& router, services::Context& ctx) {
  router.get(kPath, page_handler(ctx, [](Visit& visit) {
               if (!visit.session()) return visit.redirect(kSignInFirst);
               return settings_page(visit);
             }));

  router.post(kPath, page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
                const auto& req = visit.request();
                const auto& user = visit.session()->user;
                try {
                  if (form_field(req, "intent") == "disable")
                    services::disable_totp(visit.ctx(), user, form_field(req, "otp_attempt"), visit.ip());
                  else
                    services::enable_totp(visit.ctx(), user, form_field(req, "current_password"),
                                          form_field(req, "otp_attempt"), visit.ip());
                } catch (const Error& e) {
                  return settings_page(visit, e.message(), e.status());
                }
                return visit.redirect(kPath);
              }));
}

}  // namespace agora::web
