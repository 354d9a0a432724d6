#include "services/moderation.h"

#include <algorithm>

#include <boost/json.hpp>

#include "core/errors.h"
#include "core/time.h"
#include "services/account_deletion.h"
#include "services/account_emojis.h"
#include "services/invites.h"
#include "services/moderation_mails.h"
#include "services/notify.h"
#include "services/storage.h"
#include "services/suspensions.h"
#include "store/account_warnings.h"
#include "store/admin_action_logs.h"
#include "store/admin_reports.h"
#include "store/suspensions.h"
#include "store/user_emails.h"
#include "store/user_roles.h"

namespace agora::services {

namespace {

using store::account_warnings::ids_in;

using model::Permission;

constexpr const char* kTypes[] = {"none", "disable", "sensitive", "silence", "suspend"};

std::optional<model::UserRole> target_role(const model::AdminAccount& a) { return a.role; }

void audit(store::Connection& c, const Staff& staff, const std::string& action, const std::string& type, int64_t id,
         const std::string& summary, int64_t now) {
  store::admin_action_logs::record(c, staff.account.id, action, type, id, summary, now);
}

void log_account(store::Connection& c, const Staff& staff, const std::string& action, const model::AdminAccount& a,
                 int64_t now) {
  audit(c, staff, action, "Account", a.account.id, a.account.acct(), now);
}

void log_user(store::Connection& c, const Staff& staff, const std::string& action, const model::AdminAccount& a,
              int64_t now) {
  audit(c, staff, action, "User", a.user->id, a.account.acct(), now);
}

// Mastodon's require_local_account!: approving, rejecting and enabling need a local user.
void require_local_user(const model::AdminAccount& a) {
  if (!a.account.local() || !a.user) throw Error::forbidden();
}

// Role names whose permissions include `p` (built-in and custom).
std::vector<std::string> role_names_that_can(store::Connection& c, Permission p) {
  std::vector<std::string> out;
  for (auto r : {model::Role::user, model::Role::moderator, model::Role::admin, model::Role::owner})
    if (model::builtin_role(r).can(p)) out.push_back(model::role_name(r));
  for (const auto& custom : store::user_roles::all(c))
    if (custom.can(p)) out.push_back(custom.name);
  return out;
}

std::vector<std::string> role_names_with_ids(store::Connection& c, const std::vector<int64_t>& ids) {
  std::vector<std::string> out;
  for (int64_t id : ids) {
    bool found = false;
    for (auto r : {model::Role::moderator, model::Role::admin, model::Role::owner})
      if (model::builtin_role(r).id == id) {
        out.push_back(model::role_name(r));
        found = true;
      }
    if (!found)
      if (auto custom = store::user_roles::find(c, id)) out.push_back(custom->name);
  }
  return out;
}

template <std::size_t N>
bool one_of(const std::string& value, const char* const (&allowed)[N]) {
  return std::any_of(std::begin(allowed), std::end(allowed), [&](const char* a) { return value == a; });
}

}  // namespace

model::AdminAccount load_admin_account(store::Connection& c, int64_t account_id) {
  auto found = store::admin_accounts::find(c, account_id);
  if (!found) throw Error::not_found();
  if (found->user) found->role = resolve_role(c, found->user->role_name);
  attach_emojis(c, found->account);
  return *found;
}

model::Paginated<model::AdminAccount> list_admin_accounts(Context& ctx, const Staff& staff,
                                                          AccountFilterRequest request) {
  authorize(can(staff, Permission::manage_users));
  auto& f = request.filter;
  constexpr const char* kOrigins[] = {"local", "remote"};
  constexpr const char* kStatuses[] = {"active", "pending", "disabled", "silenced", "suspended", "sensitized"};
  if (!f.origin.empty() && !one_of(f.origin, kOrigins)) throw Error::bad_request("Unknown origin: " + f.origin);
  if (!f.status.empty() && !one_of(f.status, kStatuses)) throw Error::bad_request("Unknown status: " + f.status);
  if (!request.permissions.empty() && request.permissions != "staff")
    throw Error::bad_request("Unknown permissions: " + request.permissions);
  auto conn = ctx.db.acquire();
  if (request.permissions == "staff") f.role_names = role_names_that_can(*conn, Permission::manage_reports);
  if (request.role_ids) {
    auto names = role_names_with_ids(*conn, *request.role_ids);
    if (f.role_names) {
      std::vector<std::string> both;
      for (const auto& n : names)
        if (std::find(f.role_names->begin(), f.role_names->end(), n) != f.role_names->end()) both.push_back(n);
      names = both;
    }
    f.role_names = names;
  }
  if (request.invited_by) f.nobody = true;  // nobody is invited until invites exist
  model::Paginated<model::AdminAccount> page;
  auto ids = store::admin_accounts::search_ids(*conn, f);
  for (int64_t id : ids) page.items.push_back(load_admin_account(*conn, id));
  if (!ids.empty()) {
    if (static_cast<int>(ids.size()) == f.page.limit) page.next_max_id = ids.back();
    page.prev_since_id = ids.front();
  }
  return page;
}

model::AdminAccount show_admin_account(Context& ctx, const Staff& staff, int64_t account_id) {
  auto conn = ctx.db.acquire();
  auto account = load_admin_account(*conn, account_id);
  authorize(can(staff, Permission::manage_users));
  return account;
}

void take_account_action(Context& ctx, const Staff& staff, int64_t account_id, const AccountAction& action) {
  auto conn = ctx.db.acquire();
  auto target = load_admin_account(*conn, account_id);
  authorize(can(staff, Permission::manage_users));
  if (action.type.empty())
    throw Error::unprocessable("Validation failed: Type can't be blank, Type is not included in the list");
  if (!one_of(action.type, kTypes)) throw Error::unprocessable("Validation failed: Type is not included in the list");
  bool moderates = can(staff, Permission::manage_users, Permission::manage_reports);
  bool over = overrides(staff, target_role(target));
  // Mastodon's AccountPolicy: acting on an account needs a role above its own.
  authorize(moderates && over);
  if (action.type == "disable") require_local_user(target);
  if (action.type == "suspend" && target.account.suspended_at)
    throw Error::unprocessable("Validation failed: Account is already suspended");
  if (action.warning_preset_id) throw Error::not_found();  // agora has no warning presets yet
  std::optional<store::admin_reports::Summary> report;
  if (action.report_id) {
    report = store::admin_reports::summary(*conn, *action.report_id);
    if (!report) throw Error::not_found();
  }
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    const auto& t = action.type;
    if (t == "disable") {
      log_user(*conn, staff, "disable", target, now);
      store::admin_accounts::set_disabled(*conn, target.user->id, true, now);
    } else if (t == "sensitive") {
      log_account(*conn, staff, "sensitive", target, now);
      store::admin_accounts::set_sensitized(*conn, account_id, now);
    } else if (t == "silence") {
      log_account(*conn, staff, "silence", target, now);
      store::admin_accounts::set_silenced(*conn, account_id, now);
    } else if (t == "suspend") {
      log_account(*conn, staff, "suspend", target, now);
      suspensions::suspend(*conn, ctx, target.account, now);
    }
    // The strike the member sees, with the reported statuses.
    store::account_warnings::NewWarning w{staff.account.id, account_id, t, action.text, action.report_id,
                                          report ? report->status_ids_json : "[]"};
    int64_t warning_id = store::account_warnings::insert(*conn, w, now);
    // Mastodon's warnable?: the member is told by mail and by a moderation_warning notification.
    if (action.send_email_notification && target.user) {
      moderation_mails::warning(ctx, *conn, *target.user, t, action.text, ids_in(w.status_ids_json));
      notify(*conn, account_id, account_id, "moderation_warning", now, NotificationSubject{{}, warning_id});
    }
    if (!action.text.empty() && t == "none") audit(*conn, staff, "create", "AccountWarning", warning_id, target.account.acct(), now);
    // "none" answers only its report; any other action every open report about the account.
    std::vector<int64_t> reports;
    if (t == "none") {
      if (report && !report->resolved) reports.push_back(report->id);
    } else {
      reports = store::admin_reports::unresolved_about(*conn, account_id);
    }
    for (int64_t id : reports) {
      audit(*conn, staff, "resolve", "Report", id, std::to_string(id), now);
      store::admin_reports::resolve(*conn, id, staff.account.id, now);
    }
  });
}

model::AdminAccount approve_account(Context& ctx, const Staff& staff, int64_t account_id) {
  auto conn = ctx.db.acquire();
  auto target = load_admin_account(*conn, account_id);
  require_local_user(target);
  authorize(can(staff, Permission::manage_users) && !target.user->approved);
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::user_emails::approve(*conn, target.user->id, now);
    moderation_mails::account_approved(ctx, *conn, *target.user);
    log_user(*conn, staff, "approve", target, now);
  });
  autofollow_inviter(ctx, target.user->id);  // a member confirmed before approval starts here
  return load_admin_account(*conn, account_id);
}

void reject_account(Context& ctx, const Staff& staff, int64_t account_id) {
  auto conn = ctx.db.acquire();
  auto target = load_admin_account(*conn, account_id);
  require_local_user(target);
  authorize(can(staff, Permission::manage_users) && !target.user->approved);
  int64_t now = now_ms();
  // Mastodon skips the side effects for a member never approved: nothing was federated.
  store::in_transaction(*conn, [&] {
    log_user(*conn, staff, "reject", target, now);
    remove_stored_files_later(*conn, store::admin_accounts::remove(*conn, account_id));
  });
}

model::AdminAccount enable_account(Context& ctx, const Staff& staff, int64_t account_id) {
  auto conn = ctx.db.acquire();
  auto target = load_admin_account(*conn, account_id);
  require_local_user(target);
  authorize(can(staff, Permission::manage_users));
  if (target.user->disabled) {
    int64_t now = now_ms();
    store::in_transaction(*conn, [&] {
      store::admin_accounts::set_disabled(*conn, target.user->id, false, now);
      log_user(*conn, staff, "enable", target, now);
    });
  }
  return load_admin_account(*conn, account_id);
}

// Lifts a restriction the account carries (silence, sensitive); nothing to do when it has none.
template <class Carries, class Clear>
model::AdminAccount lift_restriction(Context& ctx, const Staff& staff, int64_t account_id, const char* action,
                                     Carries carries, Clear clear) {
  auto conn = ctx.db.acquire();
  auto target = load_admin_account(*conn, account_id);
  authorize(can(staff, Permission::manage_users));
  if (carries(target)) {
    int64_t now = now_ms();
    store::in_transaction(*conn, [&] {
      clear(*conn);
      log_account(*conn, staff, action, target, now);
    });
  }
  return load_admin_account(*conn, account_id);
}

model::AdminAccount unsilence_account(Context& ctx, const Staff& staff, int64_t account_id) {
  return lift_restriction(
      ctx, staff, account_id, "unsilence", [](const model::AdminAccount& a) { return a.account.silenced_at.has_value(); },
      [account_id](store::Connection& c) { store::admin_accounts::set_silenced(c, account_id, std::nullopt); });
}

model::AdminAccount unsensitive_account(Context& ctx, const Staff& staff, int64_t account_id) {
  return lift_restriction(
      ctx, staff, account_id, "unsensitive", [](const model::AdminAccount& a) { return a.sensitized_at.has_value(); },
      [account_id](store::Connection& c) { store::admin_accounts::set_sensitized(c, account_id, std::nullopt); });
}

model::AdminAccount unsuspend_account(Context& ctx, const Staff& staff, int64_t account_id) {
  auto conn = ctx.db.acquire();
  auto target = load_admin_account(*conn, account_id);
  // Only a suspension made here can be lifted here (Mastodon's suspension_origin_local?).
  authorize(can(staff, Permission::manage_users) && target.account.suspended_at &&
            target.suspension_origin == "local");
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    suspensions::unsuspend(*conn, ctx, target.account);
    log_account(*conn, staff, "unsuspend", target, now);
  });
  return load_admin_account(*conn, account_id);
}

void delete_account_data(Context& ctx, const Staff& staff, int64_t account_id) {
  auto conn = ctx.db.acquire();
  auto target = load_admin_account(*conn, account_id);
  // Mastodon's suspended_temporarily?: suspended, its data not deleted yet.
  authorize(target.account.suspended_at.has_value() && can(staff, Permission::delete_user_data) &&
            store::suspensions::deletion_requested_at(*conn, account_id).has_value());
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    log_account(*conn, staff, "destroy", target, now);
    remove_stored_files_later(*conn, account_deletion::delete_in(*conn, target.account, now, account_deletion::Member::keep));
  });
}

}  // namespace agora::services
