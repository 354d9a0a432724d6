// Telling the staff about what needs them, as Mastodon does: an admin.report
// notification and AdminMailer#new_report to those who handle reports,
// admin.sign_up and (for a sign-up awaiting approval) #new_pending_account to
// those who handle users, #new_appeal to those who handle appeals, #new_trends
// to those who review trends. Each mail is a choice in users.preferences
// notification_emails (Mastodon's keys report, pending_account, appeal,
// trends; on unless turned off), offered only to
// staff whose role has the matching permission.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/role.h"
#include "services/context.h"
#include "store/account_warnings.h"
#include "store/database.h"

namespace agora::services::staff_notifications {

// The staff mail choices, and the permission each needs.
const std::vector<std::string>& mail_keys();
model::Permission permission_for(const std::string& key);
// The choices the member's role entitles them to, in mail_keys() order.
std::vector<std::string> mail_keys_for(Context& ctx, int64_t user_id);

// In the report's transaction. Mastodon's ReportService#notify_staff!:
// nothing when another unresolved report about the same account waits.
void report_filed(Context& ctx, store::Connection& c, int64_t report_id, int64_t now_ms);
// In the sign-up's transaction.
void signed_up(Context& ctx, store::Connection& c, int64_t account_id, bool pending, const std::string& reason,
               int64_t now_ms);
// In the appeal's transaction.
void appeal_filed(Context& ctx, store::Connection& c, int64_t account_id, const store::account_warnings::Warning& strike,
                  const std::string& text);

// Trending items nobody reviewed yet (tags as "#name", statuses by URL), from
// the periodic trend_review_mails job, in its transaction.
void trends_awaiting_review(Context& ctx, store::Connection& c, const std::vector<std::string>& tags,
                            const std::vector<std::string>& statuses);

}  // namespace agora::services::staff_notifications
