// Notifications: writing them, and reading a member's as the notifications
// API pages them (newest first by id).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/notification.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::notifications {

struct NewNotification {
  int64_t account_id = 0;       // recipient
  int64_t from_account_id = 0;
  std::string type;             // "follow", "follow_request", …
  std::optional<std::string> group_key;
  int64_t created_at = 0;
  std::optional<int64_t> status_id;
  bool filtered = false;
  std::optional<int64_t> report_id;
  std::optional<int64_t> account_warning_id;
};
int64_t insert(Connection& c, const NewNotification& n);
// Deletes `type` notifications about `from_account_id` (e.g. a follow that was undone).
void remove(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type);
// Deletes `type` notifications about `from_account_id` acting on a status (e.g. an undone favourite).
void remove_about_status(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type,
                         int64_t status_id);

// Which of a member's notifications a list shows (Mastodon's `browserable`).
struct Selection {
  std::optional<std::vector<std::string>> types;  // none: every type
  std::optional<int64_t> from_account_id;
  bool include_filtered = false;
};

// A page of `recipient`'s notifications, leaving out suspended senders and
// senders the recipient does not want to see now (blocks, mutes, domain blocks).
std::vector<model::Notification> list(Connection& c, int64_t recipient, const Selection& selection,
                                      const model::PageRequest& page, int64_t now_ms);
// How many of them are newer than `after_id` (all when none), counting at most `cap`.
int64_t count_newer(Connection& c, int64_t recipient, const Selection& selection, std::optional<int64_t> after_id,
                    int64_t cap, int64_t now_ms);
std::optional<model::Notification> find(Connection& c, int64_t recipient, int64_t id);
// The newest notification of `recipient` with the shown group key `group_key`.
std::optional<model::Notification> find_group(Connection& c, int64_t recipient, const std::string& group_key);
// The senders of a group's notifications, newest first.
std::vector<int64_t> group_senders(Connection& c, int64_t recipient, const std::string& group_key, int limit);
bool remove_one(Connection& c, int64_t recipient, int64_t id);
void remove_group(Connection& c, int64_t recipient, const std::string& group_key);
void clear(Connection& c, int64_t recipient);

// The group key of `recipient`'s newest notification whose key starts with
// `prefix` and that is newer than `since_ms` (to keep adding to a group).
std::optional<std::string> recent_group_key(Connection& c, int64_t recipient, const std::string& prefix,
                                            int64_t since_ms);

// What a group holds up to notification `max_id`: its newest notification and
// time, its count, its newest senders (at most `samples`), and its oldest
// notification from `min_id` on.
struct GroupData {
  int64_t most_recent_id = 0;
  int64_t most_recent_at = 0;
  int64_t count = 0;
  int64_t page_min_id = 0;
  std::vector<int64_t> sample_account_ids;
};
std::map<std::string, GroupData> group_data(Connection& c, int64_t recipient, const std::vector<std::string>& keys,
                                            int64_t min_id, int64_t max_id, int samples);

// The notifications marker's last read id.
std::optional<int64_t> last_read_id(Connection& c, int64_t account_id);

// Filtered notifications (held back by the policy) from one sender.
int64_t count_filtered(Connection& c, int64_t recipient, std::optional<int64_t> from_account_id, int64_t cap);
void unfilter(Connection& c, int64_t recipient, int64_t from_account_id);
void remove_filtered(Connection& c, int64_t recipient, int64_t from_account_id);

}  // namespace agora::store::notifications
