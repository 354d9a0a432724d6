#include "services/notify.h"

#include <algorithm>
#include <array>

#include "services/notification_emails.h"
#include "services/stream_events.h"
#include "services/web_push.h"
#include "store/accounts.h"
#include "store/follows.h"
#include "store/mutes.h"
#include "store/notification_policies.h"
#include "store/notifications.h"
#include "store/statuses.h"
#include "store/status_interactions.h"
#include "store/visibility.h"

namespace agora::services {

namespace {

constexpr int64_t kHourMs = 3600'000;
// A group keeps taking notifications for this many hours after it started.
constexpr int64_t kMaximumGroupSpanHours = 12;
// Mastodon's NEW_ACCOUNT_THRESHOLD and NEW_FOLLOWER_THRESHOLD.
constexpr int64_t kNewAccountMs = 30 * 24 * kHourMs;
constexpr int64_t kNewFollowerMs = 3 * 24 * kHourMs;
// Mastodon's cap on the counts it shows for requests.
constexpr int64_t kMaxMeaningfulCount = 100;

bool filterable(const std::string& type) {
  static constexpr std::array<const char*, 5> kTypes = {"mention", "reblog", "follow", "follow_request", "favourite"};
  for (const char* t : kTypes)
    if (type == t) return true;
  return false;
}

enum class Decision { accept, filter, drop };

// What the recipient's policy decides for a notification from `sender`
// (Mastodon's DropCondition and FilterCondition, the policy part).
Decision policy_decision(store::Connection& c, int64_t recipient, const model::Account& sender,
                         const std::string& type, const std::optional<model::Status>& status, int64_t now_ms) {
  if (!filterable(type)) return Decision::accept;
  auto policy = store::notification_policies::find(c, recipient);
  const std::array<const std::string*, 5> rules = {&policy.for_not_following, &policy.for_not_followers,
                                                    &policy.for_new_accounts, &policy.for_private_mentions,
                                                    &policy.for_limited_accounts};
  bool all_accept = true;
  for (const auto* r : rules) all_accept = all_accept && *r == "accept";
  if (all_accept) return Decision::accept;
  if (store::notification_policies::permitted(c, recipient, sender.id)) return Decision::accept;

  bool not_following = store::visibility::followed(c, recipient, {sender.id}).empty();
  auto follow = store::follows::find(c, store::follows::Table::follows, sender.id, recipient);
  bool not_follower = !follow || follow->created_at > now_ms - kNewFollowerMs;
  bool new_account = sender.created_at > now_ms - kNewAccountMs;
  // A direct mention that does not answer one of the recipient's statuses.
  bool private_mention = type == "mention" && status && status->visibility == model::Visibility::direct &&
                         status->in_reply_to_account_id != recipient;
  const std::array<bool, 5> applies = {not_following, not_follower, new_account && not_following,
                                       private_mention && not_following, sender.silenced_at && not_following};
  for (const char* action : {"drop", "filter"})
    for (size_t i = 0; i < rules.size(); ++i)
      if (applies[i] && *rules[i] == action) return *action == 'd' ? Decision::drop : Decision::filter;
  return Decision::accept;
}

// Mastodon groups favourites and boosts of one status, follows and sign-ups, by hour
// buckets; a group keeps growing while it spans less than 12 hours.
std::optional<std::string> group_key(store::Connection& c, int64_t recipient, const std::string& type,
                                     std::optional<int64_t> status_id, int64_t now_ms) {
  std::string prefix;
  if (type == "follow" || type == "admin.sign_up") {
    prefix = type + "-";
  } else if ((type == "favourite" || type == "reblog") && status_id) {
    prefix = type + "-" + std::to_string(*status_id) + "-";
  } else {
    return std::nullopt;
  }
  int64_t bucket = now_ms / kHourMs;
  if (auto previous = store::notifications::recent_group_key(c, recipient, prefix,
                                                             now_ms - kMaximumGroupSpanHours * kHourMs)) {
    try {
      int64_t previous_bucket = std::stoll(previous->substr(prefix.size()));
      if (bucket < previous_bucket + kMaximumGroupSpanHours) bucket = std::max(previous_bucket, int64_t{0});
    } catch (const std::exception&) {
    }
  }
  return prefix + std::to_string(bucket);
}

void notify_about(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
                  std::optional<int64_t> status_id, const NotificationSubject& subject);

}  // namespace

void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
            std::optional<int64_t> status_id) {
  notify_about(c, recipient, from, type, now_ms, status_id, {});
}

void notify(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
            const NotificationSubject& subject) {
  notify_about(c, recipient, from, type, now_ms, std::nullopt, subject);
}

namespace {

void notify_about(store::Connection& c, int64_t recipient, int64_t from, const std::string& type, int64_t now_ms,
                  std::optional<int64_t> status_id, const NotificationSubject& subject) {
  // One is told of the end of one's own poll and of one's strikes, of nothing else one did.
  if (recipient == from && type != "poll" && type != "moderation_warning") return;
  if (store::mutes::hides_notifications(c, recipient, from, now_ms)) return;
  if (!store::visibility::blocking(c, from, {recipient}).empty()) return;
  // Nothing about a thread the recipient muted (Mastodon's conversation_muted?).
  if (status_id && store::conversation_mutes::mutes_thread_of(c, recipient, *status_id)) return;
  // Only members of this instance have notifications.
  auto account = store::accounts::find(c, recipient);
  if (!account || !account->local()) return;
  auto sender = store::accounts::find(c, from);
  if (!sender) return;
  std::optional<model::Status> status;
  if (status_id && type == "mention") status = store::statuses::find(c, *status_id);

  auto decision = policy_decision(c, recipient, *sender, type, status, now_ms);
  if (decision == Decision::drop) return;
  bool filtered = decision == Decision::filter;
  int64_t id = store::notifications::insert(
      c, {recipient, from, type, filtered ? std::nullopt : group_key(c, recipient, type, status_id, now_ms), now_ms,
          status_id, filtered, subject.report_id, subject.account_warning_id});
  if (!filtered) {
    stream_events::notification_created(c, recipient, id);
    web_push::enqueue(c, recipient, from, type, id, now_ms);
    notification_emails::enqueue(c, recipient, type, id);
  }
  // Filtered mentions wait in a request per sender, as Mastodon's.
  if (filtered && type == "mention")
    store::notification_policies::upsert_request(
        c, recipient, from, status_id,
        store::notifications::count_filtered(c, recipient, from, kMaxMeaningfulCount), now_ms);
}

}  // namespace

}  // namespace agora::services
