#include "store/media_attachments.h"

#include <algorithm>

#include "store/statement.h"

namespace agora::store::media_attachments {

namespace {

constexpr const char* kColumns =
    "id, account_id, status_id, scheduled_status_id, type, content_type, file_key, thumbnail_key, preview_key,"
    " upload_key, file_size, remote_url, description, blurhash, focus_x, focus_y, width, height, meta, processing,"
    " processing_error, position, created_at, updated_at, thumbnail_remote_url";

SqlValue text_or_null(const std::string& s) { return s.empty() ? SqlValue(SqlNull{}) : SqlValue(s); }
SqlValue text_or_null(const std::optional<std::string>& s) { return s ? SqlValue(*s) : SqlValue(SqlNull{}); }
SqlValue number_or_null(const std::optional<double>& d) { return d ? SqlValue(*d) : SqlValue(SqlNull{}); }
SqlValue int_or_null(const std::optional<int>& i) { return i ? SqlValue(static_cast<int64_t>(*i)) : SqlValue(SqlNull{}); }

std::optional<double> opt_real(const Row& r, size_t i) {
  return r.is_null(i) ? std::nullopt : std::optional<double>(r.real(i));
}
std::optional<int> opt_int(const Row& r, size_t i) {
  return r.is_null(i) ? std::nullopt : std::optional<int>(static_cast<int>(r.int64(i)));
}

model::MediaAttachment from_row(const Row& r) {
  model::MediaAttachment m;
  m.id = r.int64(0);
  m.account_id = r.int64(1);
  m.status_id = r.opt_int64(2);
  m.scheduled_status_id = r.opt_int64(3);
  m.type = r.text(4);
  m.content_type = r.text(5);
  m.file_key = r.text(6);
  m.thumbnail_key = r.text(7);
  m.preview_key = r.text(8);
  m.upload_key = r.text(9);
  m.file_size = r.opt_int64(10).value_or(0);
  m.remote_url = r.text(11);
  m.description = r.opt_text(12);
  m.blurhash = r.opt_text(13);
  m.focus_x = opt_real(r, 14);
  m.focus_y = opt_real(r, 15);
  m.width = opt_int(r, 16);
  m.height = opt_int(r, 17);
  m.meta_json = r.text(18);
  m.processing = r.text(19);
  m.processing_error = r.opt_text(20);
  m.position = r.int64(21);
  m.created_at = r.int64(22);
  m.updated_at = r.int64(23);
  m.thumbnail_remote_url = r.text(24);
  return m;
}

std::vector<model::MediaAttachment> all(const std::vector<Row>& rows) {
  std::vector<model::MediaAttachment> out;
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

void insert(Connection& c, const model::MediaAttachment& m) {
  c.execute(std::string("INSERT INTO media_attachments (") + kColumns +
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {m.id, m.account_id, m.status_id ? SqlValue(*m.status_id) : SqlValue(SqlNull{}),
             m.scheduled_status_id ? SqlValue(*m.scheduled_status_id) : SqlValue(SqlNull{}), m.type,
             text_or_null(m.content_type), text_or_null(m.file_key), text_or_null(m.thumbnail_key),
             text_or_null(m.preview_key), text_or_null(m.upload_key), m.file_size, text_or_null(m.remote_url),
             text_or_null(m.description), text_or_null(m.blurhash), number_or_null(m.focus_x),
             number_or_null(m.focus_y), int_or_null(m.width), int_or_null(m.height), m.meta_json, m.processing,
             text_or_null(m.processing_error), m.position, m.created_at, m.updated_at,
             text_or_null(m.thumbnail_remote_url)});
}

std::optional<model::MediaAttachment> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string("SELECT ") + kColumns + " FROM media_attachments WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<model::MediaAttachment> find_many(Connection& c, const std::vector<int64_t>& ids) {
  if (ids.empty()) return {};
  Statement st(std::string("SELECT ") + kColumns + " FROM media_attachments WHERE id IN ");
  st.add_id_list(ids);
  auto rows = all(st.query(c));
  std::vector<model::MediaAttachment> out;
  for (int64_t id : ids)
    for (const auto& m : rows)
      if (m.id == id && std::none_of(out.begin(), out.end(), [&](const auto& o) { return o.id == id; }))
        out.push_back(m);
  return out;
}

std::vector<model::MediaAttachment> for_statuses(Connection& c, const std::vector<int64_t>& status_ids) {
  std::vector<model::MediaAttachment> out;
  for (size_t at = 0; at < status_ids.size(); at += kMaxIdList) {
    std::vector<int64_t> chunk(status_ids.begin() + at,
                               status_ids.begin() + std::min(status_ids.size(), at + kMaxIdList));
    Statement st(std::string("SELECT ") + kColumns + " FROM media_attachments WHERE position >= 0 AND status_id IN ");
    st.add_id_list(chunk);
    st.add(" ORDER BY status_id, position, id");
    for (auto& m : all(st.query(c))) out.push_back(std::move(m));
  }
  return out;
}

std::vector<model::MediaAttachment> for_scheduled(Connection& c, const std::vector<int64_t>& scheduled_ids) {
  if (scheduled_ids.empty()) return {};
  Statement st(std::string("SELECT ") + kColumns + " FROM media_attachments WHERE scheduled_status_id IN ");
  st.add_id_list(scheduled_ids);
  st.add(" ORDER BY scheduled_status_id, position, id");
  return all(st.query(c));
}

std::vector<model::MediaAttachment> all_of_status(Connection& c, int64_t status_id) {
  return all(c.query(std::string("SELECT ") + kColumns + " FROM media_attachments WHERE status_id = ? ORDER BY id",
                     {status_id}));
}

bool claim_for_processing(Connection& c, int64_t id, int64_t now) {
  return c.execute("UPDATE media_attachments SET processing = 'processing', updated_at = ?"
                   " WHERE id = ? AND processing IN ('queued', 'processing')",
                   {now, id}) > 0;
}

void finish_processing(Connection& c, const model::MediaAttachment& m, int64_t now) {
  c.execute("UPDATE media_attachments SET type = ?, content_type = ?, file_key = ?, preview_key = ?,"
            " file_size = ?, blurhash = ?, width = ?, height = ?, meta = ?, processing = 'done',"
            " processing_error = NULL, updated_at = ? WHERE id = ?",
            {m.type, text_or_null(m.content_type), text_or_null(m.file_key), text_or_null(m.preview_key),
             m.file_size, text_or_null(m.blurhash), int_or_null(m.width), int_or_null(m.height), m.meta_json, now,
             m.id});
}

void fail_processing(Connection& c, int64_t id, const std::string& reason, int64_t now) {
  c.execute("UPDATE media_attachments SET processing = 'failed', processing_error = ?,"
            " updated_at = ? WHERE id = ?",
            {reason, now, id});
}

void clear_upload_key(Connection& c, int64_t id) {
  c.execute("UPDATE media_attachments SET upload_key = NULL WHERE id = ?", {id});
}

void update_details(Connection& c, const model::MediaAttachment& m, int64_t now) {
  c.execute("UPDATE media_attachments SET description = ?, focus_x = ?, focus_y = ?, thumbnail_key = ?,"
            " blurhash = ?, meta = ?, updated_at = ? WHERE id = ?",
            {text_or_null(m.description), number_or_null(m.focus_x), number_or_null(m.focus_y),
             text_or_null(m.thumbnail_key), text_or_null(m.blurhash), m.meta_json, now, m.id});
}

void attach_to_status(Connection& c, int64_t status_id, const std::vector<int64_t>& ids, int64_t now) {
  c.execute("UPDATE media_attachments SET position = -1, updated_at = ? WHERE status_id = ?", {now, status_id});
  for (size_t i = 0; i < ids.size(); ++i)
    c.execute("UPDATE media_attachments SET status_id = ?, scheduled_status_id = NULL, position = ?, updated_at = ?"
              " WHERE id = ?",
              {status_id, static_cast<int64_t>(i), now, ids[i]});
}

void attach_to_scheduled(Connection& c, int64_t scheduled_status_id, const std::vector<int64_t>& ids, int64_t now) {
  for (size_t i = 0; i < ids.size(); ++i)
    c.execute("UPDATE media_attachments SET scheduled_status_id = ?, position = ?, updated_at = ? WHERE id = ?",
              {scheduled_status_id, static_cast<int64_t>(i), now, ids[i]});
}

void remove(Connection& c, int64_t id) { c.execute("DELETE FROM media_attachments WHERE id = ?", {id}); }

std::vector<model::MediaAttachment> unattached_before(Connection& c, int64_t cutoff, int limit) {
  return all(c.query(std::string("SELECT ") + kColumns +
                         " FROM media_attachments WHERE status_id IS NULL AND scheduled_status_id IS NULL"
                         " AND remote_url IS NULL AND created_at < ? ORDER BY created_at LIMIT ?",
                     {cutoff, static_cast<int64_t>(limit)}));
}

}  // namespace agora::store::media_attachments
