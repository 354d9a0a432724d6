// Settings → Account → Moving, as Mastodon's: /settings/aliases lists the
// accounts this one may be moved from ("moving from a different account")
// and adds or removes them; /settings/migration moves this account to
// another one after the password is confirmed, once per cooldown. The rules
// are services/migration's, shared with `agora accounts alias|move`.
#include "core/errors.h"
#include "core/time.h"
#include "services/migration.h"
#include "services/sign_in.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {

constexpr const char* kAliasesPath = "/settings/aliases";
constexpr const char* kMigrationPath = "/settings/migration";

std::string sign_in_first(const std::string& path) { return "/auth/sign_in?return_to=" + path; }

// Renders an Error as the form's message, with its status.
template <typename Page, typename Action>
http::Response with_errors(Visit& visit, Page page, Action action) {
  try {
    return action();
  } catch (const Error& e) {
    return page(visit, "", e.message(), e.status());
  }
}

http::Response aliases_page(Visit& visit, const std::string& good = "", const std::string& bad = "",
                            int status = 200) {
  const auto& account = visit.session()->account;
  std::string body = notice(good) + alert(bad) +
                     "<p>To move from another account to this one, first add the other account here as an alias. "
                     "Then start the move from the other account.</p>"
                     "<form method=\"post\" action=\"/settings/aliases\">" +
                     hidden_field("authenticity_token", visit.csrf_token()) +
                     "<label>Handle of the old account<input type=\"text\" name=\"account_alias[acct]\" "
                     "placeholder=\"username@domain\" maxlength=\"320\" required></label>"
                     "<button type=\"submit\">Create alias</button></form>";
  auto aliases = services::aliases(visit.ctx(), account);
  if (!aliases.empty()) {
    body += "<h2>Aliases</h2><ul class=\"aliases\">";
    for (const auto& a : aliases)
      body += "<li><span class=\"acct\">" + escape(a.acct) + "</span> <form method=\"post\" "
              "action=\"/settings/aliases/remove\" class=\"inline\">" +
              hidden_field("authenticity_token", visit.csrf_token()) + hidden_field("uri", a.uri) +
              "<button type=\"submit\">Unlink alias</button></form></li>";
    body += "</ul>";
  }
  return visit.page("Account aliases", body, status);
}

http::Response migration_page(Visit& visit, const std::string& good = "", const std::string& bad = "",
                              int status = 200) {
  const auto& account = visit.session()->account;
  std::string body = notice(good) + alert(bad);
  if (auto moved = services::moved_to_acct(visit.ctx(), account); moved && good.empty())
    body += "<p class=\"moved\">Your account is currently redirecting to <strong>" + escape(*moved) +
            "</strong>.</p>";
  if (auto until = services::move_cooldown_until(visit.ctx(), account)) {
    body += "<p class=\"cooldown\">You have moved your account recently. You can move it again after " +
            escape(format_date(*until)) + ".</p>";
    return visit.page("Account migration", body, status);
  }
  body += "<p>Moving sends your followers to the new account, which must name this one among its aliases "
          "first. This account's profile then shows where it went.</p>"
          "<form method=\"post\" action=\"/settings/migration\">" +
          hidden_field("authenticity_token", visit.csrf_token()) +
          "<label>Handle of the new account<input type=\"text\" name=\"account_migration[acct]\" "
          "placeholder=\"username@domain\" maxlength=\"320\" required></label>"
          "<label>Current password<input type=\"password\" name=\"account_migration[current_password]\" "
          "autocomplete=\"current-password\" required></label>"
          "<button type=\"submit\">Move followers</button></form>"
          "<p><a href=\"/settings/aliases\">Moving from a different account</a></p>";
  return visit.page("Account migration", body, status);
}

// Every POST here: CSRF first, then a signed-in member.
PageHandler signed_in_post(std::function<http::Response(Visit&)> handler) {
  return [handler](Visit& visit) {
    visit.require_csrf();
    if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
    return handler(visit);
  };
}

}  // namespace

void register_account_migration_routes(http::Router& router, services::Context& ctx) {
  router.get(kAliasesPath, page_handler(ctx, [](Visit& visit) {
               if (!visit.session()) return visit.redirect(sign_in_first(kAliasesPath));
               return aliases_page(visit);
             }));
  router.post(kAliasesPath, page_handler(ctx, signed_in_post([](Visit& visit) {
                return with_errors(visit, aliases_page, [&] {
                  services::add_alias(visit.ctx(), visit.session()->account,
                                      form_field(visit.request(), "account_alias", "acct"));
                  return aliases_page(visit, "Successfully created a new alias. You can now initiate the move from "
                                             "the old account.");
                });
              })));
  router.post("/settings/aliases/remove", page_handler(ctx, signed_in_post([](Visit& visit) {
                return with_errors(visit, aliases_page, [&] {
                  services::remove_alias(visit.ctx(), visit.session()->account, form_field(visit.request(), "uri"));
                  return aliases_page(visit, "Successfully removed alias.");
                });
              })));

  router.get(kMigrationPath, page_handler(ctx, [](Visit& visit) {
               if (!visit.session()) return visit.redirect(sign_in_first(kMigrationPath));
               return migration_page(visit);
             }));
  router.post(kMigrationPath, page_handler(ctx, signed_in_post([](Visit& visit) {
                return with_errors(visit, migration_page, [&] {
                  const auto& req = visit.request();
                  const auto& session = *visit.session();
                  if (!services::check_password(visit.ctx(), session.user.email,
                                                form_field(req, "account_migration", "current_password"),
                                                visit.ip()))
                    throw Error::unprocessable("Current password is invalid");
                  auto target = services::move_account(visit.ctx(), session.account,
                                                       form_field(req, "account_migration", "acct"));
                  return migration_page(visit, "Your account is now redirecting to " + target.acct() +
                                                   " and your followers are being moved over.");
                });
              })));
}

}  // namespace agora::web
