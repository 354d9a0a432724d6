#include "store/appeals.h"

#include "store/statement.h"

namespace agora::store::appeals {

namespace {

constexpr const char* kSelect =
    "SELECT id, account_id, account_warning_id, text, approved_at, approved_by_account_id, rejected_at,"
    " rejected_by_account_id, created_at FROM appeals";

Appeal appeal_from(const Row& r) {
  return {r.int64(0), r.int64(1), r.int64(2), r.text(3), r.opt_int64(4), r.opt_int64(5), r.opt_int64(6),
          r.opt_int64(7), r.int64(8)};
}

}  // namespace

bool insert(Connection& c, const Appeal& a) {
  return c.execute("INSERT INTO appeals (id, account_id, account_warning_id, text, created_at) VALUES (?, ?, ?, ?, ?)"
                   " ON CONFLICT (account_warning_id) DO NOTHING",
                   {a.id, a.account_id, a.account_warning_id, a.text, a.created_at}) > 0;
}

std::optional<Appeal> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kSelect) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return appeal_from(*row);
}

std::map<int64_t, Appeal> of_warnings(Connection& c, const std::vector<int64_t>& warning_ids) {
  std::map<int64_t, Appeal> out;
  if (warning_ids.empty()) return out;
  Statement s(std::string(kSelect) + " WHERE account_warning_id IN ");
  s.add_id_list(warning_ids);
  for (const auto& r : s.query(c)) {
    auto a = appeal_from(r);
    out.emplace(a.account_warning_id, a);
  }
  return out;
}

std::vector<Appeal> list(Connection& c, const std::string& state, const model::PageRequest& page) {
  std::string where = state == "pending"    ? " WHERE approved_at IS NULL AND rejected_at IS NULL"
                      : state == "approved" ? " WHERE approved_at IS NOT NULL"
                      : state == "rejected" ? " WHERE rejected_at IS NOT NULL"
                                            : " WHERE 1 = 1";
  Statement s(std::string(kSelect) + where);
  s.add_page("id", page);
  std::vector<Appeal> out;
  for (const auto& r : s.query(c)) out.push_back(appeal_from(r));
  return out;
}

void decide(Connection& c, int64_t id, bool approved, int64_t moderator_account_id, int64_t now_ms) {
  if (approved)
    c.execute("UPDATE appeals SET approved_at = ?, approved_by_account_id = ? WHERE id = ?",
              {now_ms, moderator_account_id, id});
  else
    c.execute("UPDATE appeals SET rejected_at = ?, rejected_by_account_id = ? WHERE id = ?",
              {now_ms, moderator_account_id, id});
}

}  // namespace agora::store::appeals
