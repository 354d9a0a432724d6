#include "store/remote_accounts.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/snowflake.h"

namespace agora::store::remote_accounts {

int64_t upsert(Connection& c, const Profile& p, int64_t now) {
  SqlValue discoverable = p.discoverable ? SqlValue(*p.discoverable) : SqlValue(SqlNull{});
  c.execute(
      "INSERT INTO accounts (id, username, domain, actor_type, display_name, note, fields, uri, url, inbox_url,"
      " outbox_url, shared_inbox_url, followers_url, following_url, featured_url, public_key_pem, key_id,"
      " avatar_remote_url, header_remote_url, locked, discoverable, indexable, memorial, also_known_as,"
      " fetched_at, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (uri) DO UPDATE SET username = excluded.username, actor_type = excluded.actor_type,"
      " display_name = excluded.display_name, note = excluded.note, fields = excluded.fields, url = excluded.url,"
      " inbox_url = excluded.inbox_url, outbox_url = excluded.outbox_url,"
      " shared_inbox_url = excluded.shared_inbox_url, followers_url = excluded.followers_url,"
      " following_url = excluded.following_url, featured_url = excluded.featured_url,"
      " public_key_pem = excluded.public_key_pem, key_id = excluded.key_id,"
      " avatar_remote_url = excluded.avatar_remote_url, header_remote_url = excluded.header_remote_url,"
      " locked = excluded.locked, discoverable = excluded.discoverable, indexable = excluded.indexable,"
      " memorial = excluded.memorial, also_known_as = excluded.also_known_as, fetched_at = excluded.fetched_at,"
      " updated_at = excluded.updated_at",
      {next_id(), p.username, p.domain, p.actor_type, p.display_name, p.note, p.fields_json, p.uri, p.url,
       p.inbox_url, p.outbox_url, p.shared_inbox_url, p.followers_url, p.following_url, p.featured_url,
       p.public_key_pem, p.key_id, p.avatar_remote_url, p.header_remote_url, p.locked, discoverable, p.indexable,
       p.memorial, p.also_known_as_json, now, now, now});
  return c.query_one("SELECT id FROM accounts WHERE uri = ?", {p.uri})->int64(0);
}

void set_moved_to(Connection& c, int64_t account_id, std::optional<int64_t> target_id, int64_t now) {
  c.execute("UPDATE accounts SET moved_to_account_id = ?, updated_at = ? WHERE id = ?",
            {target_id ? SqlValue(*target_id) : SqlValue(SqlNull{}), now, account_id});
}

void mark_deleted(Connection& c, int64_t account_id, int64_t now) {
  c.execute("UPDATE accounts SET suspended_at = ?, suspension_origin = 'remote', display_name = '', note = '',"
            " fields = '[]', updated_at = ? WHERE id = ? AND domain IS NOT NULL",
            {now, now, account_id});
}

void set_also_known_as(Connection& c, int64_t account_id, const std::vector<std::string>& uris, int64_t now) {
  boost::json::array aka;
  for (const auto& uri : uris) aka.push_back(boost::json::value(uri));
  c.execute("UPDATE accounts SET also_known_as = ?, updated_at = ? WHERE id = ?",
            {boost::json::serialize(aka), now, account_id});
}

std::string featured_url(Connection& c, int64_t account_id) {
  auto row = c.query_one("SELECT featured_url FROM accounts WHERE id = ?", {account_id});
  return row && !row->is_null(0) ? row->text(0) : std::string();
}

std::vector<std::string> also_known_as(Connection& c, int64_t account_id) {
  std::vector<std::string> out;
  auto row = c.query_one("SELECT also_known_as FROM accounts WHERE id = ?", {account_id});
  if (!row) return out;
  std::error_code ec;
  auto parsed = boost::json::parse(row->text(0), ec);
  if (ec || !parsed.is_array()) return out;
  for (const auto& v : parsed.as_array())
    if (v.is_string()) out.emplace_back(v.as_string());
  return out;
}

std::optional<std::string> private_key(Connection& c, int64_t account_id) {
  auto row = c.query_one("SELECT private_key_pem FROM accounts WHERE id = ? AND domain IS NULL", {account_id});
  if (!row || row->is_null(0)) return std::nullopt;
  return row->text(0);
}

}  // namespace agora::store::remote_accounts
