#include "store/status_edits.h"

#include <boost/json.hpp>

#include "store/json_columns.h"

namespace agora::store::status_edits {

namespace {

std::string ids_text(const std::vector<int64_t>& ids) {
  boost::json::array a;
  for (int64_t id : ids) a.emplace_back(std::to_string(id));
  return boost::json::serialize(a);
}

std::vector<int64_t> ids_from(const std::string& text) {
  std::vector<int64_t> out;
  std::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array())
    if (item.is_string()) try {
        out.push_back(std::stoll(std::string(item.as_string())));
      } catch (const std::exception&) {
      }
  return out;
}

}  // namespace

void insert(Connection& c, const model::StatusEdit& e) {
  SqlValue poll = e.poll_options ? SqlValue(boost::json::serialize(boost::json::value_from(*e.poll_options)))
                                 : SqlValue(SqlNull{});
  c.execute(
      "INSERT INTO status_edits (id, status_id, account_id, text, content, spoiler_text, sensitive, media_ids,"
      " poll_options, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.id, e.status_id, e.account_id, e.text, e.content, e.spoiler_text, e.sensitive, ids_text(e.media_ids), poll,
       e.created_at});
}

std::vector<model::StatusEdit> of_status(Connection& c, int64_t status_id) {
  std::vector<model::StatusEdit> out;
  for (const auto& r : c.query("SELECT id, status_id, account_id, text, content, spoiler_text, sensitive, media_ids,"
                               " poll_options, created_at FROM status_edits WHERE status_id = ? ORDER BY id",
                               {status_id})) {
    model::StatusEdit e;
    e.id = r.int64(0);
    e.status_id = r.int64(1);
    e.account_id = r.int64(2);
    e.text = r.text(3);
    e.content = r.text(4);
    e.spoiler_text = r.text(5);
    e.sensitive = r.boolean(6);
    e.media_ids = ids_from(r.text(7));
    e.poll_options = string_array_from(r, 8);
    e.created_at = r.int64(9);
    out.push_back(std::move(e));
  }
  return out;
}

bool any(Connection& c, int64_t status_id) {
  return c.query_one("SELECT 1 FROM status_edits WHERE status_id = ? LIMIT 1", {status_id}).has_value();
}

}  // namespace agora::store::status_edits
