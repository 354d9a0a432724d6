#include "store/admin_reports.h"

#include <boost/json.hpp>

#include "store/statement.h"

namespace agora::store::admin_reports {

namespace {

constexpr const char* kColumns =
    "SELECT id, account_id, target_account_id, assigned_account_id, action_taken_by_account_id, action_taken_at,"
    " category, comment, forwarded, status_ids, rule_ids, created_at, updated_at FROM reports";

// Stored as a JSON array of id strings; anything else reads as empty.
std::vector<int64_t> ids_from(const std::string& text) {
  std::vector<int64_t> out;
  std::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array()) {
    if (e.is_string()) {
      try {
        out.push_back(std::stoll(std::string(e.as_string())));
      } catch (const std::exception&) {
      }
    } else if (e.is_int64()) {
      out.push_back(e.as_int64());
    }
  }
  return out;
}

std::string ids_json(const std::vector<int64_t>& ids) {
  boost::json::array out;
  for (int64_t id : ids) out.push_back(boost::json::value(std::to_string(id)));
  return boost::json::serialize(out);
}

model::AdminReport report_from(const Row& r) {
  model::AdminReport out;
  out.id = r.int64(0);
  out.account_id = r.int64(1);
  out.target_account_id = r.int64(2);
  out.assigned_account_id = r.opt_int64(3);
  out.action_taken_by_account_id = r.opt_int64(4);
  out.action_taken_at = r.opt_int64(5);
  out.category = r.text(6);
  out.comment = r.text(7);
  out.forwarded = r.boolean(8);
  out.status_ids = ids_from(r.text(9));
  out.rule_ids = ids_from(r.text(10));
  out.created_at = r.int64(11);
  out.updated_at = r.int64(12);
  return out;
}

}  // namespace

std::optional<Summary> summary(Connection& c, int64_t report_id) {
  auto row = c.query_one("SELECT id, action_taken_at, status_ids FROM reports WHERE id = ?", {report_id});
  if (!row) return std::nullopt;
  return Summary{row->int64(0), !row->is_null(1), row->text(2)};
}

std::vector<int64_t> unresolved_about(Connection& c, int64_t target_account_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT id FROM reports WHERE target_account_id = ? AND action_taken_at IS NULL",
                               {target_account_id}))
    out.push_back(r.int64(0));
  return out;
}

std::vector<model::AdminReport> list(Connection& c, const Filter& f) {
  Statement s(std::string(kColumns) + (f.resolved ? " WHERE action_taken_at IS NOT NULL" : " WHERE action_taken_at IS NULL"));
  if (f.account_id) s.add(" AND account_id = ?", {*f.account_id});
  if (f.target_account_id) s.add(" AND target_account_id = ?", {*f.target_account_id});
  s.add_page("id", f.page);
  std::vector<model::AdminReport> out;
  for (const auto& r : s.query(c)) out.push_back(report_from(r));
  return out;
}

std::optional<model::AdminReport> find(Connection& c, int64_t report_id) {
  auto row = c.query_one(std::string(kColumns) + " WHERE id = ?", {report_id});
  if (!row) return std::nullopt;
  return report_from(*row);
}

void resolve(Connection& c, int64_t report_id, int64_t by_account_id, int64_t now_ms) {
  c.execute("UPDATE reports SET action_taken_at = ?, action_taken_by_account_id = ?, updated_at = ? WHERE id = ?",
            {now_ms, by_account_id, now_ms, report_id});
}

void reopen(Connection& c, int64_t report_id, int64_t now_ms) {
  c.execute("UPDATE reports SET action_taken_at = NULL, action_taken_by_account_id = NULL, updated_at = ?"
            " WHERE id = ?",
            {now_ms, report_id});
}

void assign(Connection& c, int64_t report_id, std::optional<int64_t> account_id, int64_t now_ms) {
  c.execute("UPDATE reports SET assigned_account_id = ?, updated_at = ? WHERE id = ?",
            {account_id ? SqlValue(*account_id) : SqlValue(SqlNull{}), now_ms, report_id});
}

void update(Connection& c, int64_t report_id, const std::string& category, const std::vector<int64_t>& rule_ids,
            int64_t now_ms) {
  c.execute("UPDATE reports SET category = ?, rule_ids = ?, updated_at = ? WHERE id = ?",
            {category, ids_json(rule_ids), now_ms, report_id});
}

}  // namespace agora::store::admin_reports
