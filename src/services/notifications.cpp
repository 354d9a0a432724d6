#include "services/notifications.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>

#include "core/errors.h"
#include "core/time.h"
#include "services/rendered_accounts.h"
#include "services/status_views.h"
#include "services/visibility.h"
#include "store/account_warnings.h"
#include "store/accounts.h"
#include "store/appeals.h"
#include "store/admin_reports.h"
#include "store/notifications.h"
#include "store/statement.h"
#include "store/statuses.h"

namespace agora::services {

namespace {

// Mastodon 4.3's Notification::TYPES.
constexpr std::array<const char*, 12> kTypes = {
    "mention", "status", "reblog", "follow", "follow_request", "favourite", "poll", "update",
    "admin.sign_up", "admin.report", "severed_relationships", "moderation_warning"};
constexpr std::array<const char*, 4> kGroupableTypes = {"favourite", "reblog", "follow", "admin.sign_up"};
constexpr std::array<const char*, 6> kStatusTypes = {"favourite", "reblog", "status", "mention", "poll", "update"};
// Group samples (Mastodon's SAMPLE_ACCOUNTS_SIZE), and how much a grouped page reads at most.
constexpr int kSampleAccounts = 8;
constexpr int kMaxGroupingBatches = 10;

template <size_t N>
bool one_of(const std::array<const char*, N>& list, const std::string& value) {
  return std::any_of(list.begin(), list.end(), [&](const char* t) { return value == t; });
}

bool has(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

store::notifications::Selection selection_for(const NotificationQuery& q) {
  store::notifications::Selection s;
  s.from_account_id = q.account_id;
  s.include_filtered = q.include_filtered;
  std::vector<std::string> types;
  for (const char* t : kTypes)
    if ((q.types.empty() || has(q.types, t)) && !has(q.exclude_types, t)) types.push_back(t);
  if (types.size() != kTypes.size()) s.types = std::move(types);
  return s;
}

bool about_status(const model::Notification& n) { return n.status_id && one_of(kStatusTypes, n.type); }

// The statuses of `ns` the member may see.
std::vector<model::Status> visible_statuses(store::Connection& c, const model::Account& me,
                                            const std::vector<model::Notification>& ns) {
  std::vector<int64_t> ids;
  for (const auto& n : ns)
    if (about_status(n)) ids.push_back(*n.status_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<model::Status> found, originals;
  for (size_t i = 0; i < ids.size(); i += store::kMaxIdList) {
    std::vector<int64_t> chunk(ids.begin() + i, ids.begin() + std::min(ids.size(), i + store::kMaxIdList));
    for (auto& s : store::statuses::find_many(c, chunk)) found.push_back(std::move(s));
  }
  std::vector<int64_t> original_ids;
  for (const auto& s : found)
    if (s.reblog_of_id) original_ids.push_back(*s.reblog_of_id);
  if (!original_ids.empty()) originals = store::statuses::find_many(c, original_ids);
  return visibility::visible(c, me.id, found, originals);
}

// Leaves out notifications about statuses the member may no longer see.
std::vector<model::Notification> keep_visible(const std::vector<model::Notification>& ns,
                                              const std::vector<model::Status>& visible) {
  std::set<int64_t> ids;
  for (const auto& s : visible) ids.insert(s.id);
  std::vector<model::Notification> out;
  for (const auto& n : ns)
    if (!about_status(n) || ids.count(*n.status_id)) out.push_back(n);
  return out;
}

using AccountMap = SharedAccounts;
using StatusMap = std::map<int64_t, std::shared_ptr<const model::StatusView>>;

StatusMap load_statuses(store::Connection& c, const model::Account& me, const std::vector<model::Status>& statuses) {
  StatusMap out;
  for (auto& v : load_status_views(c, me.id, statuses)) {
    int64_t id = v.status.id;
    out.emplace(id, std::make_shared<const model::StatusView>(std::move(v)));
  }
  return out;
}

std::shared_ptr<const model::Report> report_of(const model::AdminReport& r, const SharedAccounts& accounts) {
  auto target = accounts.find(r.target_account_id);
  if (target == accounts.end()) return nullptr;
  auto out = std::make_shared<model::Report>();
  out->id = r.id;
  out->category = r.category;
  out->comment = r.comment;
  out->forwarded = r.forwarded;
  out->action_taken_at = r.action_taken_at;
  out->status_ids = r.status_ids;
  out->rule_ids = r.rule_ids;
  out->target_account = target->second;
  out->created_at = r.created_at;
  return out;
}

// The strikes of moderation_warning notifications, with their appeals.
std::map<int64_t, model::ModerationWarning> warnings_of(store::Connection& c,
                                                        const std::vector<model::Notification>& ns) {
  std::vector<int64_t> ids;
  for (const auto& n : ns)
    if (n.type == "moderation_warning" && n.account_warning_id) ids.push_back(*n.account_warning_id);
  std::map<int64_t, model::ModerationWarning> out;
  if (ids.empty()) return out;
  auto appeals = store::appeals::of_warnings(c, ids);
  for (int64_t id : ids) {
    auto w = store::account_warnings::find(c, id);
    if (!w || out.count(id)) continue;
    model::ModerationWarning m{w->id, w->action, w->text, w->status_ids, nullptr, {}, {}, w->created_at};
    if (auto a = appeals.find(id); a != appeals.end()) {
      m.appeal_text = a->second.text;
      m.appeal_state = a->second.state();
    }
    out.emplace(id, std::move(m));
  }
  return out;
}

// The reports of admin.report notifications and the strikes of
// moderation_warning ones, read together for a list or a page of groups.
struct ModerationData {
  std::map<int64_t, model::AdminReport> reports;
  std::map<int64_t, model::ModerationWarning> warnings;
};

// Adds the reports' target accounts to `account_ids`, to be loaded with the senders.
ModerationData moderation_data_of(store::Connection& c, const std::vector<model::Notification>& ns,
                                  std::vector<int64_t>& account_ids) {
  ModerationData out;
  for (const auto& n : ns) {
    if (n.type != "admin.report" || !n.report_id || out.reports.count(*n.report_id)) continue;
    if (auto r = store::admin_reports::find(c, *n.report_id)) {
      account_ids.push_back(r->target_account_id);
      out.reports.emplace(*n.report_id, std::move(*r));
    }
  }
  out.warnings = warnings_of(c, ns);
  return out;
}

std::shared_ptr<const model::Report> report_for(const model::Notification& n, const ModerationData& data,
                                                const SharedAccounts& accounts) {
  if (n.type != "admin.report" || !n.report_id) return nullptr;
  auto r = data.reports.find(*n.report_id);
  return r == data.reports.end() ? nullptr : report_of(r->second, accounts);
}

std::shared_ptr<const model::ModerationWarning> warning_for(const model::Notification& n, const ModerationData& data,
                                                            const SharedAccounts& accounts) {
  if (n.type != "moderation_warning" || !n.account_warning_id) return nullptr;
  auto w = data.warnings.find(*n.account_warning_id);
  auto member = accounts.find(n.from_account_id);
  if (w == data.warnings.end() || member == accounts.end()) return nullptr;
  auto shown = std::make_shared<model::ModerationWarning>(w->second);
  shown->target_account = member->second;  // the member is the sender of their own warnings
  return shown;
}

std::vector<model::NotificationView> views_of(store::Connection& c, const model::Account& me,
                                              const std::vector<model::Notification>& read) {
  auto statuses = visible_statuses(c, me, read);
  auto ns = keep_visible(read, statuses);
  std::vector<int64_t> account_ids;
  for (const auto& n : ns) account_ids.push_back(n.from_account_id);
  auto moderation = moderation_data_of(c, ns, account_ids);
  auto accounts = load_rendered_accounts(c, account_ids);
  auto views = load_statuses(c, me, statuses);
  std::vector<model::NotificationView> out;
  for (const auto& n : ns) {
    auto a = accounts.find(n.from_account_id);
    if (a == accounts.end()) continue;
    model::NotificationView v{n, a->second, nullptr};
    if (about_status(n))
      if (auto s = views.find(*n.status_id); s != views.end()) v.status = s->second;
    v.report = report_for(n, moderation, accounts);
    v.moderation_warning = warning_for(n, moderation, accounts);
    out.push_back(std::move(v));
  }
  return out;
}

// The key a grouped list files a notification under.
std::string group_of(const model::Notification& n, const std::vector<std::string>& grouped_types) {
  bool groupable = grouped_types.empty() ? one_of(kGroupableTypes, n.type) : has(grouped_types, n.type);
  return n.group_key && groupable ? *n.group_key : "ungrouped-" + std::to_string(n.id);
}

// The notification standing for each group of a page, newest first, and
// how many rows were read. With min_id the page is the groups right after
// it, each standing at its oldest notification there, as Mastodon pages groups.
std::vector<model::Notification> group_representatives(store::Connection& c, const model::Account& me,
                                                       const NotificationQuery& q, const model::PageRequest& page,
                                                       int64_t now) {
  auto selection = selection_for(q);
  const bool upward = page.min_id.has_value();
  const int batch = std::max(page.limit, 40);
  std::vector<model::Notification> reps;
  std::set<std::string> seen;
  model::PageRequest cursor = page;
  cursor.limit = batch;
  for (int round = 0; round < kMaxGroupingBatches && static_cast<int>(reps.size()) < page.limit; ++round) {
    auto rows = store::notifications::list(c, me.id, selection, cursor, now);
    if (rows.empty()) break;
    if (upward) std::reverse(rows.begin(), rows.end());  // walk oldest first
    for (const auto& n : keep_visible(rows, visible_statuses(c, me, rows))) {
      if (static_cast<int>(reps.size()) >= page.limit) break;
      if (seen.insert(group_of(n, q.grouped_types)).second) reps.push_back(n);
    }
    if (static_cast<int>(rows.size()) < batch) break;
    if (upward) {
      cursor.min_id = rows.back().id;
    } else {
      cursor.max_id = rows.back().id;
    }
  }
  if (upward) std::reverse(reps.begin(), reps.end());
  return reps;
}

// Renders representatives as groups. `range` bounds what a page counts:
// notifications newer than its end are not part of this page.
model::GroupedNotifications assemble(store::Connection& c, const model::Account& me,
                                     const std::vector<model::Notification>& reps,
                                     const std::vector<std::string>& grouped_types,
                                     std::optional<std::pair<int64_t, int64_t>> range) {
  model::GroupedNotifications out;
  if (reps.empty()) return out;
  out.newest_id = reps.front().id;
  out.oldest_id = reps.back().id;
  std::vector<std::string> keys;
  for (const auto& n : reps)
    if (auto k = group_of(n, grouped_types); k.rfind("ungrouped-", 0) != 0) keys.push_back(k);
  int64_t min_id = range ? range->first : 0;
  int64_t max_id = range ? range->second : std::numeric_limits<int64_t>::max();
  auto data = store::notifications::group_data(c, me.id, keys, min_id, max_id, kSampleAccounts);

  std::vector<int64_t> account_ids;
  for (const auto& n : reps) account_ids.push_back(n.from_account_id);
  auto moderation = moderation_data_of(c, reps, account_ids);
  for (const auto& n : reps) {
    model::NotificationGroup g;
    g.group_key = group_of(n, grouped_types);
    g.type = n.type;
    g.paginated = range.has_value();
    if (about_status(n)) g.status_id = n.status_id;
    if (auto d = data.find(g.group_key); d != data.end() && d->second.count > 0) {
      g.notifications_count = d->second.count;
      g.most_recent_notification_id = d->second.most_recent_id;
      g.latest_page_notification_at = d->second.most_recent_at;
      g.page_min_id = d->second.page_min_id ? d->second.page_min_id : n.id;
      g.sample_account_ids = d->second.sample_account_ids;
    } else {
      g.most_recent_notification_id = g.page_min_id = n.id;
      g.latest_page_notification_at = n.created_at;
      g.sample_account_ids = {n.from_account_id};
    }
    for (int64_t id : g.sample_account_ids) account_ids.push_back(id);
    out.groups.push_back(std::move(g));
  }

  auto accounts = load_rendered_accounts(c, account_ids);
  // Mastodon's group carries the report or strike of its (ungrouped) notification.
  for (size_t i = 0; i < reps.size(); ++i) {
    out.groups[i].report = report_for(reps[i], moderation, accounts);
    out.groups[i].moderation_warning = warning_for(reps[i], moderation, accounts);
  }
  std::set<int64_t> listed;
  for (const auto& g : out.groups)
    for (int64_t id : g.sample_account_ids)
      if (auto a = accounts.find(id); a != accounts.end() && listed.insert(id).second) out.accounts.push_back(*a->second);

  // The groups' statuses, each once, in the order of the groups.
  auto views = load_statuses(c, me, visible_statuses(c, me, reps));
  std::set<int64_t> shown;
  for (const auto& g : out.groups)
    if (g.status_id && shown.insert(*g.status_id).second)
      if (auto v = views.find(*g.status_id); v != views.end()) out.statuses.push_back(*v->second);
  return out;
}

}  // namespace

model::Paginated<model::NotificationView> notifications(Context& ctx, const model::Account& me,
                                                        const NotificationQuery& q, const model::PageRequest& page) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto read = store::notifications::list(c, me.id, selection_for(q), page, now_ms());
  model::Paginated<model::NotificationView> out;
  if (read.empty()) return out;
  // Mastodon links the next page whenever this one is not empty.
  out.prev_since_id = read.front().id;
  out.next_max_id = read.back().id;
  out.items = views_of(c, me, read);
  return out;
}

model::NotificationView notification(Context& ctx, const model::Account& me, int64_t id) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto n = store::notifications::find(c, me.id, id);
  if (!n) throw Error::not_found();
  auto views = views_of(c, me, {*n});
  if (views.empty()) throw Error::not_found();
  return views.front();
}

void dismiss_notification(Context& ctx, const model::Account& me, int64_t id) {
  auto lease = ctx.db.acquire();
  if (!store::notifications::remove_one(*lease, me.id, id)) throw Error::not_found();
}

void clear_notifications(Context& ctx, const model::Account& me) {
  auto lease = ctx.db.acquire();
  store::notifications::clear(*lease, me.id);
}

int64_t unread_count(Context& ctx, const model::Account& me, const NotificationQuery& q, int64_t limit,
                     bool grouped) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto last_read = store::notifications::last_read_id(c, me.id);
  if (!grouped) return store::notifications::count_newer(c, me.id, selection_for(q), last_read, limit, now_ms());
  model::PageRequest page;
  page.min_id = last_read.value_or(0);
  page.limit = static_cast<int>(limit);
  return static_cast<int64_t>(group_representatives(c, me, q, page, now_ms()).size());
}

model::GroupedNotifications grouped_notifications(Context& ctx, const model::Account& me, const NotificationQuery& q,
                                                  const model::PageRequest& page) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto reps = group_representatives(c, me, q, page, now_ms());
  if (reps.empty()) return {};
  // What this page covers: from its oldest to its newest notification; a
  // short page is the last in its direction and reaches to the bound asked.
  std::pair<int64_t, int64_t> range{reps.back().id, reps.front().id};
  if (static_cast<int>(reps.size()) < page.limit) {
    if (page.min_id)
      range.second = page.max_id ? *page.max_id - 1 : std::numeric_limits<int64_t>::max();
    else
      range.first = page.since_id ? *page.since_id + 1 : 0;
  }
  return assemble(c, me, reps, q.grouped_types, range);
}

model::GroupedNotifications notification_group(Context& ctx, const model::Account& me, const std::string& group_key) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto n = store::notifications::find_group(c, me.id, group_key);
  if (!n) throw Error::not_found();
  auto visible = keep_visible({*n}, visible_statuses(c, me, {*n}));
  if (visible.empty()) throw Error::not_found();
  return assemble(c, me, visible, {}, std::nullopt);
}

void dismiss_notification_group(Context& ctx, const model::Account& me, const std::string& group_key) {
  auto lease = ctx.db.acquire();
  store::notifications::remove_group(*lease, me.id, group_key);
}

std::vector<model::Account> notification_group_accounts(Context& ctx, const model::Account& me,
                                                        const std::string& group_key, int limit) {
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto ids = store::notifications::group_senders(c, me.id, group_key, limit);
  auto accounts = load_rendered_accounts(c, ids);
  std::vector<model::Account> out;
  for (int64_t id : ids)
    if (auto a = accounts.find(id); a != accounts.end()) out.push_back(*a->second);
  return out;
}

}  // namespace agora::services
