#include "store/account_warnings.h"

#include <boost/json.hpp>

#include "core/snowflake.h"
#include "store/statement.h"

namespace agora::store::account_warnings {

int64_t insert(Connection& c, const NewWarning& w, int64_t now_ms) {
  int64_t id = next_id();
  c.execute("INSERT INTO account_warnings (id, account_id, target_account_id, action, text, report_id, status_ids,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {id, w.account_id, w.target_account_id, w.action, w.text,
             w.report_id ? SqlValue(*w.report_id) : SqlValue(SqlNull{}), w.status_ids_json, now_ms});
  return id;
}

std::vector<int64_t> ids_in(const std::string& json) {
  std::vector<int64_t> ids;
  boost::system::error_code ec;
  auto v = boost::json::parse(json, ec);
  if (ec || !v.is_array()) return ids;
  for (const auto& id : v.as_array()) {
    if (id.is_int64()) ids.push_back(id.as_int64());
    else if (id.is_string()) try { ids.push_back(std::stoll(std::string(id.as_string()))); } catch (const std::exception&) {}
  }
  return ids;
}

namespace {

constexpr const char* kSelect =
    "SELECT id, account_id, target_account_id, action, text, report_id, status_ids, overruled_at, created_at"
    " FROM account_warnings";

Warning warning_from(const Row& r) {
  return {r.int64(0), r.opt_int64(1), r.int64(2), r.text(3), r.text(4), r.opt_int64(5), ids_in(r.text(6)),
          r.opt_int64(7), r.int64(8)};
}

}  // namespace

std::optional<Warning> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kSelect) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return warning_from(*row);
}

std::vector<Warning> of_target(Connection& c, int64_t target_account_id, const model::PageRequest& page) {
  Statement s(std::string(kSelect) + " WHERE target_account_id = ?", {target_account_id});
  s.add_page("id", page);
  std::vector<Warning> out;
  for (const auto& r : s.query(c)) out.push_back(warning_from(r));
  return out;
}

void overrule(Connection& c, int64_t id, int64_t now_ms) {
  c.execute("UPDATE account_warnings SET overruled_at = ? WHERE id = ?", {now_ms, id});
}

}  // namespace agora::store::account_warnings
