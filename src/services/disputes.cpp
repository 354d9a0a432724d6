#include "services/disputes.h"

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/mailer.h"
#include "services/staff_notifications.h"
#include "services/status_views.h"
#include "store/accounts.h"
#include "store/admin_accounts.h"
#include "store/admin_action_logs.h"
#include "store/statuses.h"

namespace agora::services {

namespace {

using model::Permission;

constexpr int64_t kMaxStrikeAgeMs = 20LL * 86'400'000;  // Appeal::MAX_STRIKE_AGE
constexpr size_t kMaxAppealText = 2000;                 // Appeal::TEXT_LENGTH_LIMIT

bool appealable(const store::account_warnings::Warning& w, bool appealed, int64_t now) {
  return !appealed && !w.overruled_at && w.created_at > now - kMaxStrikeAgeMs;
}

std::vector<StrikeView> views_of(store::Connection& c, int64_t account_id,
                                 std::vector<store::account_warnings::Warning> strikes, int64_t now) {
  std::vector<int64_t> ids;
  for (const auto& w : strikes) ids.push_back(w.id);
  auto appeals = store::appeals::of_warnings(c, ids);
  std::vector<StrikeView> out;
  for (auto& w : strikes) {
    StrikeView v;
    if (auto a = appeals.find(w.id); a != appeals.end()) v.appeal = a->second;
    v.appealable = appealable(w, v.appeal.has_value(), now);
    if (!w.status_ids.empty()) {
      std::vector<model::Status> own;
      for (auto& s : store::statuses::find_many(c, w.status_ids))
        if (s.account_id == account_id) own.push_back(std::move(s));
      v.statuses = load_status_views(c, account_id, own);
    }
    v.strike = std::move(w);
    out.push_back(std::move(v));
  }
  return out;
}

store::account_warnings::Warning own_strike(store::Connection& c, int64_t account_id, int64_t strike_id) {
  auto w = store::account_warnings::find(c, strike_id);
  if (!w || w->target_account_id != account_id) throw Error::not_found();
  return *w;
}

AppealView appeal_view(store::Connection& c, const store::appeals::Appeal& a) {
  auto strike = store::account_warnings::find(c, a.account_warning_id);
  auto account = store::accounts::find(c, a.account_id);
  return {a, strike.value_or(store::account_warnings::Warning{}), account ? account->acct() : ""};
}

// ApproveAppealService: undoes what the strike did.
void undo_strike(store::Connection& c, const store::account_warnings::Warning& w) {
  const auto& t = w.action;
  if (t == "disable") {
    if (auto user = store::accounts::find_user_by_account(c, w.target_account_id))
      store::admin_accounts::set_disabled(c, user->id, false, now_ms());
  } else if (t == "sensitive") {
    store::admin_accounts::set_sensitized(c, w.target_account_id, std::nullopt);
  } else if (t == "silence") {
    store::admin_accounts::set_silenced(c, w.target_account_id, std::nullopt);
  } else if (t == "suspend") {
    store::admin_accounts::set_suspended(c, w.target_account_id, std::nullopt, "");
  }
}

AppealView decide(Context& ctx, const Staff& staff, int64_t appeal_id, bool approve) {
  auto conn = ctx.db.acquire();
  auto appeal = store::appeals::find(*conn, appeal_id);
  if (!appeal) throw Error::not_found();
  // Mastodon's AppealPolicy: manage_appeals, and only while the appeal is pending.
  authorize(can(staff, Permission::manage_appeals) && appeal->state() == "pending");
  int64_t now = now_ms();
  store::in_transaction(*conn, [&] {
    store::appeals::decide(*conn, appeal_id, approve, staff.account.id, now);
    auto strike = store::account_warnings::find(*conn, appeal->account_warning_id);
    if (approve && strike) {
      undo_strike(*conn, *strike);
      store::account_warnings::overrule(*conn, strike->id, now);
    }
    auto account = store::accounts::find(*conn, appeal->account_id);
    store::admin_action_logs::record(*conn, staff.account.id, approve ? "approve" : "reject", "Appeal", appeal_id,
                                     account ? account->acct() : "", now);
    if (auto user = store::accounts::find_user_by_account(*conn, appeal->account_id))
      enqueue_template_mail(ctx, *conn, user->email, user->locale, approve ? "appeal_approved" : "appeal_rejected",
                            {{"date", format_iso8601(strike ? strike->created_at : appeal->created_at).substr(0, 10)},
                             {"link", ctx.config.base_url() + "/web/strikes"}});
  });
  return appeal_view(*conn, *store::appeals::find(*conn, appeal_id));
}

template <class T>
model::Paginated<T> paginated(std::vector<T> items, int limit, auto id_of) {
  model::Paginated<T> out;
  out.items = std::move(items);
  if (!out.items.empty()) {
    if (static_cast<int>(out.items.size()) == limit) out.next_max_id = id_of(out.items.back());
    out.prev_since_id = id_of(out.items.front());
  }
  return out;
}

}  // namespace

model::Paginated<StrikeView> list_strikes(Context& ctx, int64_t account_id, const model::PageRequest& page) {
  auto conn = ctx.db.acquire();
  auto views = views_of(*conn, account_id, store::account_warnings::of_target(*conn, account_id, page), now_ms());
  return paginated(std::move(views), page.limit, [](const StrikeView& v) { return v.strike.id; });
}

StrikeView show_strike(Context& ctx, int64_t account_id, int64_t strike_id) {
  auto conn = ctx.db.acquire();
  return views_of(*conn, account_id, {own_strike(*conn, account_id, strike_id)}, now_ms()).front();
}

StrikeView appeal_strike(Context& ctx, int64_t account_id, int64_t strike_id, const std::string& text) {
  auto conn = ctx.db.acquire();
  auto strike = own_strike(*conn, account_id, strike_id);
  int64_t now = now_ms();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error::unprocessable("Validation failed: Text can't be blank");
  if (text.size() > kMaxAppealText)
    throw Error::unprocessable("Validation failed: Text is too long (maximum is 2000 characters)");
  if (!store::appeals::of_warnings(*conn, {strike_id}).empty())
    throw Error::unprocessable("Validation failed: Account warning has already been appealed");
  if (!appealable(strike, false, now))
    throw Error::unprocessable("Validation failed: Account warning can no longer be appealed");
  store::appeals::Appeal a;
  a.id = next_id();
  a.account_id = account_id;
  a.account_warning_id = strike_id;
  a.text = text;
  a.created_at = now;
  store::in_transaction(*conn, [&] {
    if (!store::appeals::insert(*conn, a))
      throw Error::unprocessable("Validation failed: Account warning has already been appealed");
    staff_notifications::appeal_filed(ctx, *conn, account_id, strike, text);
  });
  return views_of(*conn, account_id, {strike}, now).front();
}

model::Paginated<AppealView> list_appeals(Context& ctx, const Staff& staff, const std::string& state,
                                          const model::PageRequest& page) {
  authorize(can(staff, Permission::manage_appeals));
  if (!state.empty() && state != "pending" && state != "approved" && state != "rejected")
    throw Error::bad_request("Unknown state: " + state);
  auto conn = ctx.db.acquire();
  std::vector<AppealView> out;
  for (const auto& a : store::appeals::list(*conn, state, page)) out.push_back(appeal_view(*conn, a));
  return paginated(std::move(out), page.limit, [](const AppealView& v) { return v.appeal.id; });
}

AppealView approve_appeal(Context& ctx, const Staff& staff, int64_t appeal_id) {
  return decide(ctx, staff, appeal_id, true);
}

AppealView reject_appeal(Context& ctx, const Staff& staff, int64_t appeal_id) {
  return decide(ctx, staff, appeal_id, false);
}

}  // namespace agora::services
