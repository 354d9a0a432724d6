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

std::optional<model::Rule> find(Connection& c, int64_t id) {
  auto row = c.query_one("SELECT id, text, hint FROM rules WHERE id = ? AND deleted_at IS NULL", {id});
  if (!row) return std::nullopt;
  return model::Rule{row->int64(0), row->text(1), row->text(2)};
}

void update(Connection& c, int64_t id, const std::string& text, const std::string& hint, int64_t now) {
  c.execute("UPDATE rules SET text = ?, hint = ?, updated_at = ? WHERE id = ?", {text, hint, now, id});
}

bool move(Connection& c, int64_t id, bool up, int64_t now) {
  auto rules = list(c);
  size_t i = 0;
  while (i < rules.size() && rules[i].id != id) ++i;
  if (i == rules.size() || (up && i == 0) || (!up && i + 1 == rules.size())) return false;
  std::swap(rules[i], rules[up ? i - 1 : i + 1]);
  // Positions are rewritten in order so that equal or missing positions cannot tie.
  for (size_t k = 0; k < rules.size(); ++k)
    c.execute("UPDATE rules SET position = ?, updated_at = ? WHERE id = ?",
              {static_cast<int64_t>(k + 1), now, rules[k].id});
  return true;
}

bool remove(Connection& c, int64_t id, int64_t now) {
  return c.execute("UPDATE rules SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
                   {now, now, id}) > 0;
}

}  // namespace agora::store::rules
