#include "store/lists.h"

#include <algorithm>

#include "store/statement.h"

namespace agora::store::lists {

namespace {

constexpr const char* kColumns = "l.id, l.account_id, l.title, l.replies_policy, l.exclusive, l.created_at, l.updated_at";

model::List list_from(const Row& r) {
  return {r.int64(0), r.int64(1), r.text(2), r.text(3), r.boolean(4), r.int64(5), r.int64(6)};
}

std::vector<model::List> lists_from(const std::vector<Row>& rows) {
  std::vector<model::List> out;
  for (const auto& r : rows) out.push_back(list_from(r));
  return out;
}

}  // namespace

void insert(Connection& c, const model::List& l) {
  c.execute("INSERT INTO lists (id, account_id, title, replies_policy, exclusive, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            {l.id, l.account_id, l.title, l.replies_policy, l.exclusive, l.created_at, l.updated_at});
}

void update(Connection& c, const model::List& l) {
  c.execute("UPDATE lists SET title = ?, replies_policy = ?, exclusive = ?, updated_at = ? WHERE id = ?",
            {l.title, l.replies_policy, l.exclusive, l.updated_at, l.id});
}

bool remove(Connection& c, int64_t owner_id, int64_t list_id) {
  return c.execute("DELETE FROM lists WHERE id = ? AND account_id = ?", {list_id, owner_id}) > 0;
}

std::optional<model::List> find(Connection& c, int64_t owner_id, int64_t list_id) {
  auto r = c.query_one(std::string("SELECT ") + kColumns + " FROM lists l WHERE l.id = ? AND l.account_id = ?",
                       {list_id, owner_id});
  if (!r) return std::nullopt;
  return list_from(*r);
}

std::vector<model::List> owned_by(Connection& c, int64_t owner_id) {
  return lists_from(
      c.query(std::string("SELECT ") + kColumns + " FROM lists l WHERE l.account_id = ? ORDER BY l.id", {owner_id}));
}

int64_t count_owned_by(Connection& c, int64_t owner_id) {
  return c.query_one("SELECT COUNT(*) FROM lists WHERE account_id = ?", {owner_id})->int64(0);
}

bool add_member(Connection& c, int64_t list_id, int64_t account_id) {
  return c.execute("INSERT INTO list_accounts (list_id, account_id) VALUES (?, ?)"
                   " ON CONFLICT (list_id, account_id) DO NOTHING",
                   {list_id, account_id}) > 0;
}

void remove_members(Connection& c, int64_t list_id, const std::vector<int64_t>& account_ids) {
  for_id_slices(account_ids, [&](const std::vector<int64_t>& chunk) {
    Statement s("DELETE FROM list_accounts WHERE list_id = ? AND account_id IN ", {list_id});
    s.add_id_list(chunk).execute(c);
  });
}

std::vector<int64_t> member_page(Connection& c, int64_t list_id, const model::PageRequest& page) {
  Statement s(
      "SELECT a.id FROM list_accounts m JOIN accounts a ON a.id = m.account_id"
      " WHERE m.list_id = ? AND a.suspended_at IS NULL",
      {list_id});
  if (page.limit > 0) s.add_newest_first_page("a.id", page);
  else s.add(" ORDER BY a.id DESC");
  std::vector<int64_t> out;
  for (const auto& r : s.query(c)) out.push_back(r.int64(0));
  return out;
}

void remove_from_owner_lists(Connection& c, int64_t owner_id, int64_t member_id) {
  c.execute("DELETE FROM list_accounts WHERE account_id = ?"
            " AND list_id IN (SELECT id FROM lists WHERE account_id = ?)",
            {member_id, owner_id});
}

std::vector<model::List> containing(Connection& c, int64_t owner_id, int64_t member_id) {
  return lists_from(c.query(std::string("SELECT ") + kColumns +
                                " FROM lists l JOIN list_accounts m ON m.list_id = l.id"
                                " WHERE l.account_id = ? AND m.account_id = ? ORDER BY l.id",
                            {owner_id, member_id}));
}

std::vector<int64_t> lists_containing(Connection& c, int64_t owner_id, int64_t member_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT l.id FROM lists l JOIN list_accounts m ON m.list_id = l.id"
                               " WHERE l.account_id = ? AND m.account_id = ? ORDER BY l.id",
                               {owner_id, member_id}))
    out.push_back(r.int64(0));
  return out;
}

std::vector<int64_t> exclusive_list_members(Connection& c, int64_t owner_id) {
  std::vector<int64_t> out;
  for (const auto& r : c.query("SELECT DISTINCT m.account_id FROM lists l JOIN list_accounts m ON m.list_id = l.id"
                               " WHERE l.account_id = ? AND l.exclusive = ? ORDER BY m.account_id",
                               {owner_id, true}))
    out.push_back(r.int64(0));
  return out;
}

}  // namespace agora::store::lists
