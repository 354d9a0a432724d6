#include "store/media_cache.h"

#include "store/statement.h"

namespace agora::store::media_cache {

namespace {

constexpr const char* kProfileColumns =
    "id, domain, avatar_remote_url, avatar_file, header_remote_url, header_file";

ProfileImages profile_from(const Row& r) {
  return {r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)};
}

SqlValue key_or_null(const std::string& key) { return key.empty() ? SqlValue(SqlNull{}) : SqlValue(key); }

bool set_file(Connection& c, const char* column, const char* remote_column, int64_t account_id,
              const std::string& remote_url, const std::string& key) {
  std::string sql = std::string("UPDATE accounts SET ") + column + " = ? WHERE id = ? AND domain IS NOT NULL AND " +
                    "COALESCE(" + remote_column + ", '') = ?";
  return c.execute(sql, {key_or_null(key), account_id, remote_url}) > 0;
}

Usage usage_of(Connection& c, const std::string& sql) {
  auto rows = c.query(sql);
  if (rows.empty()) return {};
  const auto& r = rows.front();
  return {r.opt_int64(0).value_or(0), r.opt_int64(1).value_or(0), r.opt_int64(2).value_or(0),
          r.opt_int64(3).value_or(0)};
}

}  // namespace

std::vector<CachedAttachment> cached_attachments_before(Connection& c, int64_t cutoff, int64_t after_id, int limit) {
  auto rows = c.query(
      "SELECT id, file_key, preview_key, thumbnail_key, file_size FROM media_attachments"
      " WHERE COALESCE(remote_url, '') <> '' AND COALESCE(file_key, '') <> '' AND created_at < ? AND id > ?"
      " ORDER BY id LIMIT ?",
      {cutoff, after_id, static_cast<int64_t>(limit)});
  std::vector<CachedAttachment> out;
  for (const auto& r : rows) {
    CachedAttachment a{r.int64(0), {}, r.opt_int64(4).value_or(0)};
    for (size_t i = 1; i <= 3; ++i)
      if (!r.text(i).empty()) a.keys.push_back(r.text(i));
    out.push_back(std::move(a));
  }
  return out;
}

bool set_attachment_files(Connection& c, const model::MediaAttachment& m, int64_t now) {
  auto opt_int = [](const std::optional<int>& i) { return i ? SqlValue(static_cast<int64_t>(*i)) : SqlValue(SqlNull{}); };
  return c.execute("UPDATE media_attachments SET type = ?, content_type = ?, file_key = ?, preview_key = ?,"
                   " file_size = ?, blurhash = ?, width = ?, height = ?, meta = ?, updated_at = ?"
                   " WHERE id = ? AND COALESCE(file_key, '') = ''",
                   {m.type, key_or_null(m.content_type), m.file_key, key_or_null(m.preview_key), m.file_size,
                    m.blurhash ? SqlValue(*m.blurhash) : SqlValue(SqlNull{}), opt_int(m.width), opt_int(m.height),
                    m.meta_json, now, m.id}) > 0;
}

void clear_attachment_files(Connection& c, int64_t id, int64_t now) {
  c.execute("UPDATE media_attachments SET file_key = NULL, preview_key = NULL, thumbnail_key = NULL,"
            " file_size = NULL, updated_at = ? WHERE id = ? AND COALESCE(remote_url, '') <> ''",
            {now, id});
}

std::optional<ProfileImages> profile_images(Connection& c, int64_t account_id) {
  auto rows = c.query(std::string("SELECT ") + kProfileColumns + " FROM accounts WHERE id = ? AND domain IS NOT NULL",
                      {account_id});
  if (rows.empty()) return std::nullopt;
  return profile_from(rows.front());
}

bool set_avatar_file(Connection& c, int64_t account_id, const std::string& remote_url, const std::string& key) {
  return set_file(c, "avatar_file", "avatar_remote_url", account_id, remote_url, key);
}

bool set_header_file(Connection& c, int64_t account_id, const std::string& remote_url, const std::string& key) {
  return set_file(c, "header_file", "header_remote_url", account_id, remote_url, key);
}

std::vector<ProfileImages> prunable_profiles(Connection& c, int64_t cutoff, int64_t after_id, int limit,
                                             bool followed_too) {
  Statement q(std::string("SELECT ") + kProfileColumns +
                  " FROM accounts a WHERE domain IS NOT NULL AND updated_at < ? AND id > ?"
                  " AND (COALESCE(avatar_file, '') <> '' OR COALESCE(header_file, '') <> '')",
              {cutoff, after_id});
  if (!followed_too)
    q.add(" AND NOT EXISTS (SELECT 1 FROM follows f JOIN accounts l ON l.id = f.account_id"
          "                 WHERE f.target_account_id = a.id AND l.domain IS NULL)");
  q.add(" ORDER BY id LIMIT ?", {static_cast<int64_t>(limit)});
  std::vector<ProfileImages> out;
  for (const auto& r : q.query(c)) out.push_back(profile_from(r));
  return out;
}

namespace {

// The scope's conditions on an attachment (m) or account (a) and its time column.
void narrow(Statement& q, const MissingScope& scope, std::string_view account_column, std::string_view time_column) {
  if (scope.account_id) q.add(" AND " + std::string(account_column) + " = ?", {*scope.account_id});
  if (scope.domain) q.add(" AND a.domain = ?", {*scope.domain});
  if (scope.since) q.add(" AND " + std::string(time_column) + " >= ?", {*scope.since});
}

std::vector<int64_t> ids_of(Connection& c, Statement& q, int limit) {
  q.add(" LIMIT ?", {static_cast<int64_t>(limit)});
  std::vector<int64_t> out;
  for (const auto& r : q.query(c)) out.push_back(r.int64(0));
  return out;
}

}  // namespace

std::vector<int64_t> missing_attachments(Connection& c, const MissingScope& scope, int64_t after_id, int limit) {
  Statement q(
      "SELECT m.id FROM media_attachments m JOIN accounts a ON a.id = m.account_id"
      " WHERE a.domain IS NOT NULL AND COALESCE(m.remote_url, '') <> '' AND COALESCE(m.file_key, '') = ''"
      " AND m.id > ?",
      {after_id});
  narrow(q, scope, "m.account_id", "m.created_at");
  q.add(" ORDER BY m.id");
  return ids_of(c, q, limit);
}

std::vector<int64_t> missing_profile_images(Connection& c, const MissingScope& scope, int64_t after_id, int limit) {
  Statement q(
      "SELECT a.id FROM accounts a WHERE a.domain IS NOT NULL AND a.id > ?"
      " AND ((COALESCE(a.avatar_remote_url, '') <> '' AND COALESCE(a.avatar_file, '') = '')"
      "   OR (COALESCE(a.header_remote_url, '') <> '' AND COALESCE(a.header_file, '') = ''))",
      {after_id});
  narrow(q, scope, "a.id", "a.updated_at");
  q.add(" ORDER BY a.id");
  return ids_of(c, q, limit);
}

Usage attachment_usage(Connection& c) {
  return usage_of(c,
                  "SELECT count(*), CAST(COALESCE(sum(file_size), 0) AS BIGINT),"
                  " CAST(COALESCE(sum(CASE WHEN COALESCE(remote_url, '') = '' THEN 1 ELSE 0 END), 0) AS BIGINT),"
                  " CAST(COALESCE(sum(CASE WHEN COALESCE(remote_url, '') = '' THEN file_size ELSE 0 END), 0) AS BIGINT)"
                  " FROM media_attachments WHERE COALESCE(file_key, '') <> ''");
}

Usage avatar_usage(Connection& c) {
  return usage_of(c,
                  "SELECT count(*), 0, CAST(COALESCE(sum(CASE WHEN domain IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT), 0"
                  " FROM accounts WHERE COALESCE(avatar_file, '') <> ''");
}

Usage header_usage(Connection& c) {
  return usage_of(c,
                  "SELECT count(*), 0, CAST(COALESCE(sum(CASE WHEN domain IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT), 0"
                  " FROM accounts WHERE COALESCE(header_file, '') <> ''");
}

Usage emoji_usage(Connection& c) {
  return usage_of(c,
                  "SELECT count(*), 0, CAST(COALESCE(sum(CASE WHEN domain IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT), 0"
                  " FROM custom_emojis WHERE COALESCE(image_key, '') <> ''");
}

}  // namespace agora::store::media_cache
