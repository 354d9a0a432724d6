#include "store/exports.h"

namespace agora::store::exports {

namespace {

AccountRef ref(const Row& r, size_t at) { return {r.int64(at), r.text(at + 1), r.text(at + 2)}; }

std::vector<AccountRef> refs(Connection& c, const char* sql, int64_t account_id) {
  std::vector<AccountRef> out;
  for (const auto& r : c.query(sql, {account_id})) out.push_back(ref(r, 0));
  return out;
}

}  // namespace

std::vector<FollowedAccount> following(Connection& c, int64_t account_id) {
  std::vector<FollowedAccount> out;
  for (const auto& r : c.query("SELECT a.id, a.username, a.domain, f.show_reblogs, f.notify, f.languages FROM follows f"
                               " JOIN accounts a ON a.id = f.target_account_id WHERE f.account_id = ? ORDER BY f.id",
                               {account_id}))
    out.push_back({ref(r, 0), r.boolean(3), r.boolean(4), r.text(5)});
  return out;
}

std::vector<AccountRef> followers(Connection& c, int64_t account_id) {
  return refs(c,
              "SELECT a.id, a.username, a.domain FROM follows f JOIN accounts a ON a.id = f.account_id"
              " WHERE f.target_account_id = ? ORDER BY f.id",
              account_id);
}

std::vector<ListMember> list_members(Connection& c, int64_t account_id) {
  std::vector<ListMember> out;
  for (const auto& r : c.query("SELECT l.id, l.title, a.id, a.username, a.domain FROM lists l"
                               " JOIN list_accounts la ON la.list_id = l.id JOIN accounts a ON a.id = la.account_id"
                               " WHERE l.account_id = ? ORDER BY l.id, a.id",
                               {account_id}))
    out.push_back({r.int64(0), r.text(1), ref(r, 2)});
  return out;
}

std::vector<AccountRef> blocks(Connection& c, int64_t account_id) {
  return refs(c,
              "SELECT a.id, a.username, a.domain FROM blocks b JOIN accounts a ON a.id = b.target_account_id"
              " WHERE b.account_id = ? ORDER BY b.id",
              account_id);
}

std::vector<MutedAccount> mutes(Connection& c, int64_t account_id, int64_t now_ms) {
  std::vector<MutedAccount> out;
  for (const auto& r : c.query("SELECT a.id, a.username, a.domain, m.hide_notifications FROM mutes m"
                               " JOIN accounts a ON a.id = m.target_account_id"
                               " WHERE m.account_id = ? AND (m.expires_at IS NULL OR m.expires_at > ?) ORDER BY m.id",
                               {account_id, now_ms}))
    out.push_back({ref(r, 0), r.boolean(3)});
  return out;
}

std::vector<std::string> domain_blocks(Connection& c, int64_t account_id) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT domain FROM account_domain_blocks WHERE account_id = ? ORDER BY id", {account_id}))
    out.push_back(r.text(0));
  return out;
}

std::vector<Bookmark> bookmarks(Connection& c, int64_t account_id) {
  std::vector<Bookmark> out;
  for (const auto& r : c.query("SELECT s.id, s.uri FROM bookmarks b JOIN statuses s ON s.id = b.status_id"
                               " WHERE b.account_id = ? AND s.deleted_at IS NULL ORDER BY b.id",
                               {account_id}))
    out.push_back({r.int64(0), r.text(1)});
  return out;
}

std::vector<std::string> favourite_uris(Connection& c, int64_t account_id) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT s.uri FROM favourites f JOIN statuses s ON s.id = f.status_id"
                               " WHERE f.account_id = ? AND s.deleted_at IS NULL ORDER BY f.id",
                               {account_id}))
    out.push_back(r.text(0));
  return out;
}

}  // namespace agora::store::exports
