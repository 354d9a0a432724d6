// Notifications, their groups, a member's notification policy and the
// requests (senders whose notifications the policy held back).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/report.h"
#include "model/status.h"

namespace agora::model {

struct Notification {
  int64_t id = 0;
  int64_t account_id = 0;  // recipient
  int64_t from_account_id = 0;
  std::string type;
  std::optional<int64_t> status_id;
  std::optional<int64_t> report_id;           // admin.report
  std::optional<int64_t> account_warning_id;  // moderation_warning
  std::optional<std::string> group_key;  // stored key; none for ungroupable notifications
  bool filtered = false;
  int64_t created_at = 0;

  // What clients see: the stored key, or "ungrouped-ID".
  std::string shown_group_key() const { return group_key ? *group_key : "ungrouped-" + std::to_string(id); }
};

// A strike as Mastodon's AccountWarning entity shows it to its member.
struct ModerationWarning {
  int64_t id = 0;
  std::string action;
  std::string text;
  std::vector<int64_t> status_ids;
  std::shared_ptr<const Account> target_account;
  std::optional<std::string> appeal_text, appeal_state;  // when appealed
  int64_t created_at = 0;
};

struct NotificationView {
  Notification notification;
  std::shared_ptr<const Account> account;
  std::shared_ptr<const StatusView> status;  // for status types
  std::shared_ptr<const Report> report;      // admin.report
  std::shared_ptr<const ModerationWarning> moderation_warning;
};

// One group as Mastodon's NotificationGroup entity shows it.
struct NotificationGroup {
  std::string group_key;
  int64_t notifications_count = 1;
  std::string type;
  int64_t most_recent_notification_id = 0;
  // Only when paging through groups (GET /api/v2/notifications).
  bool paginated = false;
  int64_t page_min_id = 0;
  int64_t latest_page_notification_at = 0;
  std::vector<int64_t> sample_account_ids;  // newest first
  std::optional<int64_t> status_id;
  std::shared_ptr<const Report> report;                         // admin.report
  std::shared_ptr<const ModerationWarning> moderation_warning;  // moderation_warning
};

struct GroupedNotifications {
  std::vector<Account> accounts;
  std::vector<StatusView> statuses;
  std::vector<NotificationGroup> groups;
  // The notifications read (for the Link header), newest first.
  std::optional<int64_t> newest_id, oldest_id;
};

// "accept", "filter" or "drop" for each kind of sender.
struct NotificationPolicy {
  std::string for_not_following = "accept";
  std::string for_not_followers = "accept";
  std::string for_new_accounts = "accept";
  std::string for_private_mentions = "filter";
  std::string for_limited_accounts = "filter";
  int64_t pending_requests_count = 0;
  int64_t pending_notifications_count = 0;
};

struct NotificationRequest {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t from_account_id = 0;
  std::optional<int64_t> last_status_id;
  int64_t notifications_count = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct NotificationRequestView {
  NotificationRequest request;
  std::shared_ptr<const Account> account;
  std::shared_ptr<const StatusView> last_status;
};

}  // namespace agora::model
