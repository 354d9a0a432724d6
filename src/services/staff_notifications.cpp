#include "services/staff_notifications.h"

#include <algorithm>

#include "core/time.h"
#include "services/mailer.h"
#include "services/notification_emails.h"
#include "services/notify.h"
#include "services/roles.h"
#include "store/accounts.h"
#include "store/admin_reports.h"
#include "store/user_roles.h"

namespace agora::services::staff_notifications {

namespace {

using model::Permission;

// Staff whose role has `p` (Mastodon's User.those_who_can).
std::vector<model::User> those_who_can(store::Connection& c, Permission p) {
  std::vector<model::User> out;
  for (const auto& [user_id, role] : store::user_roles::staff_users(c)) {
    if (!resolve_role(c, role).can(p)) continue;
    if (auto user = store::accounts::find_user(c, user_id)) out.push_back(std::move(*user));
  }
  return out;
}

bool mailable(const model::User& u, const std::string& key) {
  return u.confirmed_at && notification_emails::wants(u, key);
}

}  // namespace

const std::vector<std::string>& mail_keys() {
  static const std::vector<std::string> keys = {"report", "pending_account", "appeal", "trends"};
  return keys;
}

Permission permission_for(const std::string& key) {
  if (key == "report") return Permission::manage_reports;
  if (key == "appeal") return Permission::manage_appeals;
  if (key == "trends") return Permission::manage_taxonomies;
  return Permission::manage_users;
}

std::vector<std::string> mail_keys_for(Context& ctx, int64_t user_id) {
  auto lease = ctx.db.acquire();
  auto role = role_of_user(*lease, user_id);
  std::vector<std::string> out;
  for (const auto& key : mail_keys())
    if (role.can(permission_for(key))) out.push_back(key);
  return out;
}

void report_filed(Context& ctx, store::Connection& c, int64_t report_id, int64_t now_ms) {
  auto report = store::admin_reports::find(c, report_id);
  if (!report) return;
  auto waiting = store::admin_reports::unresolved_about(c, report->target_account_id);
  if (std::any_of(waiting.begin(), waiting.end(), [&](int64_t id) { return id != report_id; })) return;
  auto reporter = store::accounts::find(c, report->account_id);
  auto target = store::accounts::find(c, report->target_account_id);
  if (!reporter || !target) return;
  for (const auto& staff : those_who_can(c, Permission::manage_reports)) {
    notify(c, staff.account_id, report->account_id, "admin.report", now_ms, NotificationSubject{report_id, {}});
    if (mailable(staff, "report"))
      enqueue_template_mail(ctx, c, staff.email, staff.locale, "new_report",
                            {{"id", std::to_string(report_id)},
                             {"reporter", reporter->acct()},
                             {"target", target->acct()},
                             {"text", report->comment},
                             {"link", ctx.config.base_url() + "/admin/reports/" + std::to_string(report_id)}});
  }
}

void signed_up(Context& ctx, store::Connection& c, int64_t account_id, bool pending, const std::string& reason,
               int64_t now_ms) {
  auto account = store::accounts::find(c, account_id);
  auto user = store::accounts::find_user_by_account(c, account_id);
  if (!account || !user) return;
  for (const auto& staff : those_who_can(c, Permission::manage_users)) {
    notify(c, staff.account_id, account_id, "admin.sign_up", now_ms);
    if (pending && mailable(staff, "pending_account"))
      enqueue_template_mail(ctx, c, staff.email, staff.locale, "new_pending_account",
                            {{"acct", account->acct()},
                             {"email", user->email},
                             {"text", reason},
                             {"link", ctx.config.base_url() + "/admin/accounts/" + std::to_string(account_id)}});
  }
}

void appeal_filed(Context& ctx, store::Connection& c, int64_t account_id, const store::account_warnings::Warning& strike,
                  const std::string& text) {
  auto account = store::accounts::find(c, account_id);
  if (!account) return;
  for (const auto& staff : those_who_can(c, Permission::manage_appeals)) {
    if (!mailable(staff, "appeal")) continue;
    enqueue_template_mail(ctx, c, staff.email, staff.locale, "new_appeal",
                          {{"acct", account->acct()},
                           {"date", format_iso8601(strike.created_at).substr(0, 10)},
                           {"action", strike.action},
                           {"text", text},
                           {"link", ctx.config.base_url() + "/admin/disputes/appeals"}});
  }
}

void trends_awaiting_review(Context& ctx, store::Connection& c, const std::vector<std::string>& tags,
                            const std::vector<std::string>& statuses) {
  auto joined = [](const std::vector<std::string>& items, const char* between) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : between) + item;
    return out;
  };
  for (const auto& staff : those_who_can(c, Permission::manage_taxonomies)) {
    if (!mailable(staff, "trends")) continue;
    enqueue_template_mail(ctx, c, staff.email, staff.locale, "new_trends",
                          {{"tags", joined(tags, ", ")},
                           {"statuses", joined(statuses, " ")},
                           {"link", ctx.config.base_url() + "/admin/trends/tags"}});
  }
}

}  // namespace agora::services::staff_notifications
