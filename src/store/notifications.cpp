#include "store/notifications.h"

#include "core/snowflake.h"
#include "store/exclusions.h"
#include "store/statement.h"

namespace agora::store::notifications {

namespace {

constexpr const char* kColumns =
    "n.id, n.account_id, n.from_account_id, n.type, n.status_id, n.group_key, n.filtered, n.created_at,"
    " n.report_id, n.account_warning_id";

model::Notification notification_from(const Row& r) {
  model::Notification n;
  n.id = r.int64(0);
  n.account_id = r.int64(1);
  n.from_account_id = r.int64(2);
  n.type = r.text(3);
  n.status_id = r.opt_int64(4);
  n.group_key = r.opt_text(5);
  n.filtered = r.boolean(6);
  n.created_at = r.int64(7);
  n.report_id = r.opt_int64(8);
  n.account_warning_id = r.opt_int64(9);
  return n;
}

// The recipient's notifications a list may show, as WHERE conditions.
Statement selected(const std::string& select, int64_t recipient, const Selection& sel, int64_t now_ms) {
  Statement s(select + " FROM notifications n JOIN accounts fa ON fa.id = n.from_account_id"
                       " WHERE n.account_id = ? AND fa.suspended_at IS NULL",
              {recipient});
  // As Mastodon: a sender's own list shows their filtered notifications too.
  if (!sel.include_filtered && !sel.from_account_id) s.add(" AND NOT n.filtered");
  if (sel.from_account_id) s.add(" AND n.from_account_id = ?", {*sel.from_account_id});
  if (sel.types) {
    if (sel.types->empty()) {
      s.add(" AND 1 = 0");
    } else {
      s.add(" AND n.type IN ");
      s.add_text_list(*sel.types);
    }
  }
  add_not_excluded(s, "n.from_account_id", "fa.domain", recipient, now_ms);
  return s;
}

// Rows of one shown group key ("ungrouped-ID" is the notification itself).
void add_group_condition(Statement& s, const std::string& group_key) {
  const std::string ungrouped = "ungrouped-";
  if (group_key.rfind(ungrouped, 0) == 0) {
    int64_t id = 0;
    try {
      size_t used = 0;
      std::string digits = group_key.substr(ungrouped.size());
      id = std::stoll(digits, &used);
      if (used != digits.size()) id = 0;
    } catch (const std::exception&) {
    }
    s.add(" AND n.id = ?", {id});
  } else {
    s.add(" AND n.group_key = ?", {group_key});
  }
}

}  // namespace

int64_t insert(Connection& c, const NewNotification& n) {
  int64_t id = next_id();
  c.execute("INSERT INTO notifications (id, account_id, from_account_id, type, group_key, created_at, status_id,"
            " filtered, report_id, account_warning_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {id, n.account_id, n.from_account_id, n.type,
             n.group_key ? SqlValue(*n.group_key) : SqlValue(SqlNull{}), n.created_at,
             n.status_id ? SqlValue(*n.status_id) : SqlValue(SqlNull{}), n.filtered,
             n.report_id ? SqlValue(*n.report_id) : SqlValue(SqlNull{}),
             n.account_warning_id ? SqlValue(*n.account_warning_id) : SqlValue(SqlNull{})});
  return id;
}

void remove(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type) {
  c.execute("DELETE FROM notifications WHERE account_id = ? AND from_account_id = ? AND type = ? AND status_id IS NULL",
            {account_id, from_account_id, type});
}

std::vector<model::Notification> list(Connection& c, int64_t recipient, const Selection& selection,
                                      const model::PageRequest& page, int64_t now_ms) {
  auto s = selected(std::string("SELECT ") + kColumns, recipient, selection, now_ms);
  s.add_page("n.id", page);
  std::vector<model::Notification> out;
  for (const auto& r : s.query(c)) out.push_back(notification_from(r));
  return out;
}

int64_t count_newer(Connection& c, int64_t recipient, const Selection& selection, std::optional<int64_t> after_id,
                    int64_t cap, int64_t now_ms) {
  auto s = selected("SELECT COUNT(*) FROM (SELECT n.id", recipient, selection, now_ms);
  if (after_id) s.add(" AND n.id > ?", {*after_id});
  s.add(" LIMIT ?) counted", {cap});
  auto rows = s.query(c);
  return rows.empty() ? 0 : rows.front().int64(0);
}

std::optional<model::Notification> find(Connection& c, int64_t recipient, int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM notifications n JOIN accounts fa ON"
                             " fa.id = n.from_account_id WHERE n.account_id = ? AND n.id = ? AND fa.suspended_at IS NULL",
                         {recipient, id});
  if (!row) return std::nullopt;
  return notification_from(*row);
}

std::optional<model::Notification> find_group(Connection& c, int64_t recipient, const std::string& group_key) {
  Statement s(std::string("SELECT ") + kColumns + " FROM notifications n JOIN accounts fa ON fa.id = n.from_account_id"
                  " WHERE n.account_id = ? AND fa.suspended_at IS NULL",
              {recipient});
  add_group_condition(s, group_key);
  s.add(" ORDER BY n.id DESC LIMIT 1");
  auto rows = s.query(c);
  if (rows.empty()) return std::nullopt;
  return notification_from(rows.front());
}

std::vector<int64_t> group_senders(Connection& c, int64_t recipient, const std::string& group_key, int limit) {
  Statement s("SELECT n.from_account_id FROM notifications n JOIN accounts fa ON fa.id = n.from_account_id"
              " WHERE n.account_id = ? AND fa.suspended_at IS NULL",
              {recipient});
  add_group_condition(s, group_key);
  s.add(" ORDER BY n.id DESC LIMIT ?", {static_cast<int64_t>(limit)});
  std::vector<int64_t> out;
  for (const auto& r : s.query(c)) out.push_back(r.int64(0));
  return out;
}

bool remove_one(Connection& c, int64_t recipient, int64_t id) {
  return c.execute("DELETE FROM notifications WHERE account_id = ? AND id = ?", {recipient, id}) > 0;
}

void remove_group(Connection& c, int64_t recipient, const std::string& group_key) {
  Statement s("DELETE FROM notifications WHERE id IN (SELECT n.id FROM notifications n WHERE n.account_id = ?",
              {recipient});
  add_group_condition(s, group_key);
  s.add(")");
  s.execute(c);
}

void clear(Connection& c, int64_t recipient) {
  c.execute("DELETE FROM notifications WHERE account_id = ?", {recipient});
}

std::optional<std::string> recent_group_key(Connection& c, int64_t recipient, const std::string& prefix,
                                            int64_t since_ms) {
  // Group key prefixes hold letters, digits, dashes and the '_' of admin.sign_up (a LIKE
  // wildcard that also matches itself), so they need no escaping.
  auto row = c.query_one("SELECT group_key FROM notifications WHERE account_id = ? AND group_key LIKE ?"
                         " AND created_at > ? ORDER BY id DESC LIMIT 1",
                         {recipient, prefix + "%", since_ms});
  if (!row) return std::nullopt;
  return row->opt_text(0);
}

std::map<std::string, GroupData> group_data(Connection& c, int64_t recipient, const std::vector<std::string>& keys,
                                            int64_t min_id, int64_t max_id, int samples) {
  std::map<std::string, GroupData> out;
  if (keys.empty()) return out;
  Statement s("SELECT group_key, id, from_account_id, created_at, rn, total FROM (SELECT group_key, id,"
              " from_account_id, created_at, ROW_NUMBER() OVER (PARTITION BY group_key ORDER BY id DESC) AS rn,"
              " COUNT(*) OVER (PARTITION BY group_key) AS total FROM notifications"
              " WHERE account_id = ? AND id <= ? AND group_key IN ",
              {recipient, max_id});
  s.add_text_list(keys);
  s.add(") ranked WHERE rn <= ? ORDER BY group_key, rn", {static_cast<int64_t>(samples)});
  for (const auto& r : s.query(c)) {
    auto& g = out[r.text(0)];
    if (r.int64(4) == 1) {
      g.most_recent_id = r.int64(1);
      g.most_recent_at = r.int64(3);
      g.count = r.int64(5);
    }
    g.sample_account_ids.push_back(r.int64(2));
  }
  Statement low("SELECT group_key, MIN(id) FROM notifications WHERE account_id = ? AND id >= ? AND group_key IN ",
                {recipient, min_id});
  low.add_text_list(keys);
  low.add(" GROUP BY group_key");
  for (const auto& r : low.query(c))
    if (auto g = out.find(r.text(0)); g != out.end()) g->second.page_min_id = r.int64(1);
  return out;
}

std::optional<int64_t> last_read_id(Connection& c, int64_t account_id) {
  auto row = c.query_one("SELECT last_read_id FROM markers WHERE account_id = ? AND timeline = 'notifications'",
                         {account_id});
  if (!row) return std::nullopt;
  return row->int64(0);
}

int64_t count_filtered(Connection& c, int64_t recipient, std::optional<int64_t> from_account_id, int64_t cap) {
  Statement s("SELECT COUNT(*) FROM (SELECT id FROM notifications WHERE account_id = ? AND filtered", {recipient});
  if (from_account_id) s.add(" AND from_account_id = ?", {*from_account_id});
  s.add(" LIMIT ?) counted", {cap});
  auto rows = s.query(c);
  return rows.empty() ? 0 : rows.front().int64(0);
}

void unfilter(Connection& c, int64_t recipient, int64_t from_account_id) {
  c.execute("UPDATE notifications SET filtered = FALSE WHERE account_id = ? AND from_account_id = ? AND filtered",
            {recipient, from_account_id});
}

void remove_filtered(Connection& c, int64_t recipient, int64_t from_account_id) {
  c.execute("DELETE FROM notifications WHERE account_id = ? AND from_account_id = ? AND filtered",
            {recipient, from_account_id});
}

void remove_about_status(Connection& c, int64_t account_id, int64_t from_account_id, const std::string& type,
                         int64_t status_id) {
  c.execute("DELETE FROM notifications WHERE account_id = ? AND from_account_id = ? AND type = ? AND status_id = ?",
            {account_id, from_account_id, type, status_id});
}

}  // namespace agora::store::notifications
