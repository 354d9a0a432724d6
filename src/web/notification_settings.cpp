// Settings → Preferences → Notifications (Mastodon's
// /settings/preferences/notifications): which notification mails a member
// gets, and the weekly digest. The choices live in users.preferences under
// notification_emails, where the mails and the unsubscribe link read them.
// Staff also choose the mails about reports, sign-ups awaiting approval and
// appeals and trends awaiting review, each shown only to a role with the
// permission it needs.
#include <algorithm>

#include "core/errors.h"
#include "services/notification_emails.h"
#include "services/staff_notifications.h"
#include "web/html.h"
#include "web/visit.h"
#include "web/web.h"

namespace agora::web {

namespace {

constexpr const char* kPath = "/settings/preferences/notifications";

struct Choice {
  const char* key;
  const char* label;
};
constexpr Choice kChoices[] = {{"follow", "Someone followed you"},
                               {"follow_request", "Someone requested to follow you"},
                               {"reblog", "Someone boosted your post"},
                               {"favourite", "Someone favourited your post"},
                               {"mention", "Someone mentioned you"},
                               {"digest", "Send digest e-mails: the mentions you received while away, weekly"}};
constexpr Choice kStaffChoices[] = {{"report", "New report is submitted"},
                                    {"pending_account", "New account needs review"},
                                    {"appeal", "Someone appeals a moderator decision"},
                                    {"trends", "New trends need review"}};

// The keys this member's page shows: everyone's, and the staff's their role allows.
std::vector<std::string> shown_keys(Visit& visit) {
  std::vector<std::string> keys;
  for (const auto& c : kChoices) keys.push_back(c.key);
  for (const auto& key : services::staff_notifications::mail_keys_for(visit.ctx(), visit.session()->user.id))
    keys.push_back(key);
  return keys;
}

std::string checkbox(const Choice& c, bool on) {
  return "<label><input type=\"checkbox\" name=\"notification_emails[" + std::string(c.key) + "]\" value=\"1\"" +
         (on ? " checked" : "") + "> " + escape(c.label) + "</label>";
}

http::Response settings_page(Visit& visit, const std::string& message = "") {
  // The stored choices as they are now, not as the session loaded them.
  auto stored = services::notification_emails::choices(visit.ctx(), visit.session()->user.id);
  std::string body = notice(message) + "<form method=\"post\" action=\"" + kPath + "\">" +
                     hidden_field("authenticity_token", visit.csrf_token()) +
                     "<fieldset><legend>E-mail me when</legend>";
  for (const auto& c : kChoices) body += checkbox(c, stored[c.key]);
  body += "</fieldset>";
  auto staff = services::staff_notifications::mail_keys_for(visit.ctx(), visit.session()->user.id);
  if (!staff.empty()) {
    body += "<fieldset><legend>Administration: e-mail me when</legend>";
    for (const auto& c : kStaffChoices)
      if (std::find(staff.begin(), staff.end(), c.key) != staff.end()) body += checkbox(c, stored[c.key]);
    body += "</fieldset>";
  }
  body += "<button type=\"submit\">Save changes</button></form>";
  return visit.page("Notifications", body);
}

}  // namespace

void register_notification_settings_routes(http::Router& router, services::Context& ctx) {
  router.get(kPath, page_handler(ctx, [](Visit& visit) {
               if (!visit.session()) return visit.redirect(std::string("/auth/sign_in?return_to=") + kPath);
               return settings_page(visit);
             }));

  router.post(kPath, page_handler(ctx, [](Visit& visit) {
                visit.require_csrf();
                if (!visit.session()) throw Error::unauthorized("You need to login or sign up before continuing.");
                std::vector<std::string> on, shown = shown_keys(visit);
                for (const auto& key : shown)
                  if (form_field(visit.request(), "notification_emails", key) == "1") on.push_back(key);
                services::notification_emails::save_choices(visit.ctx(), visit.session()->user.id, on, shown);
                return settings_page(visit, "Changes successfully saved!");
              }));
}

}  // namespace agora::web
