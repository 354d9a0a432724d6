#include "store/rules.h"

#include "core/snowflake.h"

namespace agora::store::rules {

std::vector<model::Rule> list(Connection& c) {
  std::vector<model::Rule> out;
  for (const auto& row : c.query("SELECT id, text, hint FROM rules WHERE deleted_at IS NULL ORDER BY position, id"))
    out.push_back({row.int64(0), row.text(1), row.text(2)});
  return out;
}

model::Rule insert(Connection& c, const std::string& text, const std::string& hint, int64_t now) {
  int64_t position =
      c.query_one("SELECT COALESCE(MAX(position), 0) + 1 FROM rules WHERE deleted_at IS NULL")->int64(0);
  model::Rule r{next_id(), text, hint};
  c.execute("INSERT INTO rules (id, text, hint, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
            {r.id, text, hint, position, now, now});
  return r;
}

bool remove(Connection& c, int64_t id, int64_t now) {
  return c.execute("UPDATE rules SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                   {now, now, id}) > 0;
}

}  // namespace agora::store::rules
