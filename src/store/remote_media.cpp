#include "store/remote_media.h"

#include "core/snowflake.h"

namespace agora::store::remote_media {

namespace {
SqlValue optional_text(const std::string& s) { return s.empty() ? SqlValue(SqlNull{}) : SqlValue(s); }
SqlValue optional_number(std::optional<double> d) { return d ? SqlValue(*d) : SqlValue(SqlNull{}); }
}  // namespace

int64_t insert(Connection& c, int64_t account_id, int64_t status_id, int position, const Attachment& a, int64_t now) {
  int64_t id = next_id();
  c.execute("INSERT INTO media_attachments (id, account_id, status_id, type, content_type, remote_url,"
            " thumbnail_remote_url, description, blurhash, focus_x, focus_y, processing, position, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'done', ?, ?, ?)",
            {id, account_id, status_id, a.type, optional_text(a.content_type), a.remote_url,
             optional_text(a.thumbnail_remote_url),
             optional_text(a.description), optional_text(a.blurhash), optional_number(a.focus_x),
             optional_number(a.focus_y), static_cast<int64_t>(position), now, now});
  return id;
}

}  // namespace agora::store::remote_media
