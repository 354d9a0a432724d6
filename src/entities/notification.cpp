#include "entities/notification.h"

#include <algorithm>
#include <array>
#include <set>

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/account.h"
#include "entities/report.h"
#include "entities/status.h"

namespace agora::entities {

namespace json = boost::json;

namespace {

bool status_type(const std::string& type) {
  static constexpr std::array<const char*, 6> kTypes = {"favourite", "reblog", "status", "mention", "poll", "update"};
  return std::any_of(kTypes.begin(), kTypes.end(), [&](const char* t) { return type == t; });
}

json::object summary(const model::NotificationPolicy& p) {
  return {{"pending_requests_count", p.pending_requests_count},
          {"pending_notifications_count", p.pending_notifications_count}};
}

// Mastodon's shallow account for partial_avatars.
json::object partial_account(const model::Account& a, const RenderContext& rc) {
  auto full = account(a, rc);
  json::object out;
  for (const char* key : {"id", "acct", "locked", "bot", "url", "avatar", "avatar_static"})
    if (auto* v = full.if_contains(key)) out[key] = *v;
  return out;
}

// Mastodon's AccountWarning entity.
json::object moderation_warning(const model::ModerationWarning& w, const RenderContext& rc) {
  json::array status_ids;
  for (int64_t id : w.status_ids) status_ids.push_back(json::value(std::to_string(id)));
  json::value appeal = nullptr;
  if (w.appeal_text) appeal = json::object{{"text", *w.appeal_text}, {"state", *w.appeal_state}};
  return {{"id", std::to_string(w.id)},
          {"action", w.action},
          {"text", w.text},
          {"status_ids", std::move(status_ids)},
          {"target_account", account(*w.target_account, rc)},
          {"appeal", std::move(appeal)},
          {"created_at", format_iso8601(w.created_at)}};
}

}  // namespace

json::object notification(const model::NotificationView& v, const RenderContext& rc) {
  const auto& n = v.notification;
  json::object o{{"id", std::to_string(n.id)},
                 {"type", n.type},
                 {"created_at", format_iso8601(n.created_at)},
                 {"group_key", n.shown_group_key()}};
  if (n.filtered) o["filtered"] = true;
  o["account"] = account(*v.account, rc);
  if (status_type(n.type)) o["status"] = v.status ? json::value(status(*v.status, rc)) : json::value(nullptr);
  if (n.type == "admin.report") o["report"] = v.report ? json::value(report(*v.report, rc)) : json::value(nullptr);
  if (n.type == "moderation_warning")
    o["moderation_warning"] =
        v.moderation_warning ? json::value(moderation_warning(*v.moderation_warning, rc)) : json::value(nullptr);
  return o;
}

json::object notification_group(const model::NotificationGroup& g, const RenderContext& rc) {
  json::object o{{"group_key", g.group_key},
                 {"notifications_count", g.notifications_count},
                 {"type", g.type},
                 {"most_recent_notification_id", std::to_string(g.most_recent_notification_id)}};
  if (g.paginated) {
    o["page_min_id"] = std::to_string(g.page_min_id);
    o["page_max_id"] = std::to_string(g.most_recent_notification_id);
    o["latest_page_notification_at"] = format_iso8601(g.latest_page_notification_at);
  }
  json::array samples;
  for (int64_t id : g.sample_account_ids) samples.push_back(json::value(std::to_string(id)));
  o["sample_account_ids"] = std::move(samples);
  if (status_type(g.type)) o["status_id"] = g.status_id ? json::value(std::to_string(*g.status_id)) : json::value(nullptr);
  if (g.type == "admin.report") o["report"] = g.report ? json::value(report(*g.report, rc)) : json::value(nullptr);
  if (g.type == "moderation_warning")
    o["moderation_warning"] =
        g.moderation_warning ? json::value(moderation_warning(*g.moderation_warning, rc)) : json::value(nullptr);
  return o;
}

json::object grouped_notifications(const model::GroupedNotifications& g, bool partial_avatars,
                                   const RenderContext& rc) {
  json::array accounts, partial, statuses, groups;
  std::set<int64_t> full_ids;
  if (partial_avatars)
    for (const auto& group : g.groups)
      if (!group.sample_account_ids.empty()) full_ids.insert(group.sample_account_ids.front());
  for (const auto& a : g.accounts) {
    if (!partial_avatars || full_ids.count(a.id))
      accounts.push_back(account(a, rc));
    else
      partial.push_back(partial_account(a, rc));
  }
  for (const auto& s : g.statuses) statuses.push_back(status(s, rc));
  for (const auto& group : g.groups) groups.push_back(notification_group(group, rc));
  json::object o{{"accounts", std::move(accounts)}};
  if (partial_avatars) o["partial_accounts"] = std::move(partial);
  o["statuses"] = std::move(statuses);
  o["notification_groups"] = std::move(groups);
  return o;
}

json::object notification_policy(const model::NotificationPolicy& p) {
  return {{"for_not_following", p.for_not_following},
          {"for_not_followers", p.for_not_followers},
          {"for_new_accounts", p.for_new_accounts},
          {"for_private_mentions", p.for_private_mentions},
          {"for_limited_accounts", p.for_limited_accounts},
          {"summary", summary(p)}};
}

json::object notification_policy_v1(const model::NotificationPolicy& p) {
  return {{"filter_not_following", p.for_not_following != "accept"},
          {"filter_not_followers", p.for_not_followers != "accept"},
          {"filter_new_accounts", p.for_new_accounts != "accept"},
          {"filter_private_mentions", p.for_private_mentions != "accept"},
          {"summary", summary(p)}};
}

json::object notification_request(const model::NotificationRequestView& v, const RenderContext& rc) {
  const auto& r = v.request;
  return {{"id", std::to_string(r.id)},
          {"created_at", format_iso8601(r.created_at)},
          {"updated_at", format_iso8601(r.updated_at)},
          {"notifications_count", std::to_string(r.notifications_count)},
          {"account", account(*v.account, rc)},
          {"last_status", v.last_status ? json::value(status(*v.last_status, rc)) : json::value(nullptr)}};
}

}  // namespace agora::entities
