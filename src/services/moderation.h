// Moderating accounts (Mastodon's Admin::AccountAction and the account
// endpoints of the admin API): each call checks the acting member's role
// with `can`, changes the account in one transaction and writes the audit log.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/admin_account.h"
#include "model/pagination.h"
#include "services/context.h"
#include "services/roles.h"
#include "store/admin_accounts.h"

namespace agora::services {

struct AccountFilterRequest {
  store::admin_accounts::Filter filter;
  std::string permissions;           // "staff": roles that can manage reports
  std::optional<std::vector<int64_t>> role_ids;
  std::optional<std::string> invited_by;
};

// 403 without manage_users; 400 "Unknown origin: x" (status, permissions) as Mastodon's AccountFilter.
model::Paginated<model::AdminAccount> list_admin_accounts(Context& ctx, const Staff& staff,
                                                          AccountFilterRequest request);
// 404 for an unknown account, then 403 without manage_users.
model::AdminAccount show_admin_account(Context& ctx, const Staff& staff, int64_t account_id);

struct AccountAction {
  std::string type;  // none, disable, sensitive, silence, suspend
  std::optional<int64_t> report_id;
  std::optional<std::string> warning_preset_id;
  std::string text;
  bool send_email_notification = true;
};
// Takes the action, records a strike and resolves the reports it answers.
void take_account_action(Context& ctx, const Staff& staff, int64_t account_id, const AccountAction& action);

model::AdminAccount approve_account(Context& ctx, const Staff& staff, int64_t account_id);
void reject_account(Context& ctx, const Staff& staff, int64_t account_id);
model::AdminAccount enable_account(Context& ctx, const Staff& staff, int64_t account_id);
model::AdminAccount unsilence_account(Context& ctx, const Staff& staff, int64_t account_id);
model::AdminAccount unsensitive_account(Context& ctx, const Staff& staff, int64_t account_id);
model::AdminAccount unsuspend_account(Context& ctx, const Staff& staff, int64_t account_id);
// Deletes a suspended account's data (Mastodon's Admin::AccountDeletionWorker).
void delete_account_data(Context& ctx, const Staff& staff, int64_t account_id);

// The admin view of an account with its role resolved (404 if unknown).
model::AdminAccount load_admin_account(store::Connection& c, int64_t account_id);

}  // namespace agora::services
