#include "store/notifications.h"

#include "core/snowflake.h"

namespace agora::store::notifications {

int64_t insert(Connection& c, const NewNotification& n) {
  int64_t id = next_id();
  c.execute("INSERT INTO notifications (id, account_id, from_account_id, type, group_key, created_at, status_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            {id, n.account_id, n.from_account_id, n.type,
             n.group_key ? SqlValue(*n.group_key) : SqlValue(SqlNull{}), n.created_at,
             n.status_id ? SqlValue(*n.status_id) : SqlValue(SqlNull{})});
  return id;
}

void remove(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type) {
  c.execute("DELETE FROM notifications WHERE account_id = ? AND from_account_id = ? AND type = ? AND status_id IS NULL",
            {account_id, from_account_id, type});
}

void remove_about_status(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type,
                         int64_t status_id) {
  c.execute("DELETE FROM notifications WHERE account_id = ? AND from_account_id = ? AND type = ? AND status_id = ?",
            {account_id, from_account_id, type, status_id});
}

}  // namespace agora::store::notifications
