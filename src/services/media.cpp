#include "services/media.h"

#include <boost/json.hpp>
#include <cmath>
#include <thread>

#include "core/errors.h"
#include "core/log.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "core/utf8.h"
#include "jobs/queue.h"
#include "media/processing.h"
#include "model/instance.h"
#include "services/admin_metrics.h"
#include "services/instance.h"
#include "services/media_keys.h"
#include "services/storage.h"
#include "store/media_attachments.h"

namespace agora::services::attachments {

namespace proc = ::agora::media;
namespace store_media = store::media_attachments;

namespace {

// A file written before the row names it is checked this long after.
constexpr int64_t kOrphanCheckDelayMs = 10 * 60 * 1000;

void check_description(const std::optional<std::string>& d) {
  if (d && utf8_length(*d) > static_cast<size_t>(model::Limits::media_description_limit))
    throw Error::unprocessable("Validation failed: Description is too long (maximum is " +
                               std::to_string(model::Limits::media_description_limit) + " characters)");
}

// "x,y" as Mastodon's focus=, each kept within [-1, 1].
void apply_focus(model::MediaAttachment& m, const std::optional<std::string>& focus) {
  if (!focus || focus->empty()) return;
  auto comma = focus->find(',');
  double x = 0, y = 0;
  try {
    x = std::stod(focus->substr(0, comma));
    y = comma == std::string::npos ? 0 : std::stod(focus->substr(comma + 1));
  } catch (...) {
    x = y = 0;  // Ruby's to_f reads garbage as 0.0
  }
  if (!std::isfinite(x)) x = 0;
  if (!std::isfinite(y)) y = 0;
  m.focus_x = std::clamp(x, -1.0, 1.0);
  m.focus_y = std::clamp(y, -1.0, 1.0);
}

// A still uploaded for a video or audio: stored as the preview, its geometry
// replacing meta.small and its blurhash the attachment's, as Mastodon does.
// Sets m's fields; the caller stores `bytes` under m.thumbnail_key.
struct Thumbnail {
  std::string bytes;
  std::string mime;
  std::string replaced_key;
};
Thumbnail make_thumbnail(model::MediaAttachment& m, std::string_view bytes) {
  if (static_cast<int64_t>(bytes.size()) > proc::MediaLimits::image_bytes)
    throw Error::unprocessable("Validation failed: Thumbnail must be less than " +
                               human_size(proc::MediaLimits::image_bytes) + ", Thumbnail file size must be less than " +
                               human_size(proc::MediaLimits::image_bytes));
  proc::Processed t;
  try {
    t = proc::process_thumbnail(bytes);
  } catch (const proc::Refused& e) {
    throw Error::unprocessable(e.what());
  }
  Thumbnail out{std::move(t.small->bytes), t.small->mime, m.thumbnail_key};
  m.thumbnail_key = media_key("thumbnails", m.id, "original", t.small->extension);
  m.blurhash = t.blurhash;
  std::error_code ec;
  auto meta = boost::json::parse(m.meta_json, ec);
  if (ec || !meta.is_object()) meta = boost::json::object{};
  auto thumb_meta = boost::json::parse(t.meta_json).as_object();
  meta.as_object()["small"] = thumb_meta["small"];
  m.meta_json = boost::json::serialize(meta);
  return out;
}

// Removes a finished or failed upload's file, then forgets its key: a crash
// in between leaves the key, and the next run of the job removes the file.
void drop_upload(Context& ctx, const model::MediaAttachment& m) {
  if (m.upload_key.empty()) return;
  file_storage(ctx)->remove(m.upload_key);
  auto conn = ctx.db.acquire();
  store_media::clear_upload_key(*conn, m.id);
}

}  // namespace

model::MediaAttachment upload(Context& ctx, const model::Account& owner, std::string_view bytes,
                              const MediaDetails& details) {
  if (bytes.empty()) throw Error::unprocessable("Validation failed: File can't be blank");
  if (!proc::is_supported_upload(bytes))
    throw Error::unprocessable("Validation failed: File content type is invalid, File is invalid");
  // The server's limits (settings), Mastodon's by default.
  auto limits = [&] {
    auto conn = ctx.db.acquire();
    return content_limits(*conn);
  }();
  int64_t limit = proc::is_larger_format(bytes) ? limits.video_size_limit : limits.image_size_limit;
  if (static_cast<int64_t>(bytes.size()) > limit)
    throw Error::unprocessable("Validation failed: File must be less than " + human_size(limit) +
                               ", File file size must be less than " + human_size(limit));
  check_description(details.description);
  if (details.thumbnail && !proc::is_larger_format(bytes))
    throw Error::unprocessable("Validation failed: Thumbnail must be blank");

  int64_t now = now_ms();
  model::MediaAttachment m;
  m.id = next_id();
  m.account_id = owner.id;
  m.type = proc::is_larger_format(bytes) ? "video" : "image";  // corrected by processing
  m.description = details.description;
  apply_focus(m, details.focus);
  m.processing = "queued";
  m.file_size = static_cast<int64_t>(bytes.size());
  m.created_at = m.updated_at = now;
  m.upload_key = upload_key(m.id);
  std::optional<Thumbnail> thumbnail;
  if (details.thumbnail) thumbnail = make_thumbnail(m, *details.thumbnail);

  // The row (with the keys of its files) and its day-later cleanup come
  // first, the files next, the processing job last: a crash at any point
  // leaves an unacknowledged row that remove_unattached_media deletes with
  // whatever files it names, never a file that nothing names.
  {
    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      store_media::insert(*conn, m);
      jobs::enqueue(*conn, {"remove_unattached_media", {{"media_attachment_id", m.id}}, "default",
                            kUnattachedGraceMs + 60'000, 3});
    });
  }
  try {
    auto storage = file_storage(ctx);
    if (thumbnail) storage->put(m.thumbnail_key, thumbnail->bytes, thumbnail->mime);
    storage->put(m.upload_key, bytes, "application/octet-stream");
    auto conn = ctx.db.acquire();
    jobs::enqueue(*conn, {"process_media", {{"media_attachment_id", m.id}}, "media", 0, 3});
  } catch (...) {
    try {
      discard(ctx, m.id);
    } catch (const std::exception& e) {  // the day-later cleanup removes it then
      log::error("could not discard media {} after a failed upload: {}", m.id, e.what());
    }
    throw;
  }
  return m;
}

void process(Context& ctx, int64_t media_id) {
  std::optional<model::MediaAttachment> m;
  bool claimed = false;
  {
    auto conn = ctx.db.acquire();
    m = store_media::find(*conn, media_id);
    if (!m) return;
    claimed = m->processing != "done" && m->processing != "failed" &&
              store_media::claim_for_processing(*conn, media_id, now_ms());
  }
  // A run killed after its last commit may have left the upload's file.
  if (!claimed) return drop_upload(ctx, *m);
  auto storage = file_storage(ctx);
  auto bytes = storage->read(m->upload_key, proc::MediaLimits::video_bytes + 1);
  auto fail = [&](const std::string& reason) {
    {
      auto conn = ctx.db.acquire();
      store_media::fail_processing(*conn, media_id, reason, now_ms());
    }
    drop_upload(ctx, *m);
  };
  if (!bytes) return fail("Error processing thumbnail for uploaded media");

  proc::Processed p;
  try {
    p = proc::process_upload(*bytes);
  } catch (const proc::Refused& e) {
    log::info("media {} refused: {}", media_id, e.what());
    return fail(e.what());
  }
  model::MediaAttachment done = *m;
  done.type = p.type;
  done.content_type = p.original.mime;
  done.file_key = rendition_key(m->upload_key, m->id, "original", p.original.extension);
  done.file_size = static_cast<int64_t>(p.original.bytes.size());
  done.width = p.original.width ? std::optional<int>(p.original.width) : std::nullopt;
  done.height = p.original.height ? std::optional<int>(p.original.height) : std::nullopt;
  done.meta_json = p.meta_json;
  if (p.small) done.preview_key = rendition_key(m->upload_key, m->id, "small", p.small->extension);
  // An uploaded thumbnail keeps its blurhash and geometry.
  if (m->thumbnail_key.empty()) {
    done.blurhash = p.blurhash;
  } else {
    auto meta = boost::json::parse(p.meta_json).as_object();
    std::error_code ec;
    auto before = boost::json::parse(m->meta_json, ec);
    if (!ec && before.is_object())
      if (auto s = before.as_object().find("small"); s != before.as_object().end()) meta["small"] = s->value();
    done.meta_json = boost::json::serialize(meta);
  }
  storage->put(done.file_key, p.original.bytes, p.original.mime);
  if (p.small) storage->put(done.preview_key, p.small->bytes, p.small->mime);
  bool still_there = false;
  {
    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      still_there = store_media::find(*conn, media_id).has_value();
      if (still_there) store_media::finish_processing(*conn, done, now_ms());
      else remove_files_later(*conn, {done});  // deleted while it was processed
    });
  }
  if (still_there) drop_upload(ctx, *m);
}

model::MediaAttachment wait_for_processing(Context& ctx, int64_t media_id, std::chrono::milliseconds bound) {
  auto deadline = std::chrono::steady_clock::now() + bound;
  for (;;) {
    std::optional<model::MediaAttachment> m;
    {
      auto conn = ctx.db.acquire();
      m = store_media::find(*conn, media_id);
    }
    if (!m) throw Error::not_found();
    if (m->processing == "done" || m->processing == "failed" || std::chrono::steady_clock::now() >= deadline)
      return *m;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

model::MediaAttachment find_own(Context& ctx, const model::Account& owner, int64_t media_id) {
  auto conn = ctx.db.acquire();
  auto m = store_media::find(*conn, media_id);
  if (!m || m->account_id != owner.id) throw Error::not_found();
  return *m;
}

model::MediaAttachment update(Context& ctx, const model::Account& owner, int64_t media_id,
                              const MediaDetails& details) {
  auto m = find_own(ctx, owner, media_id);
  check_description(details.description);
  if (details.thumbnail && !m.larger_format()) throw Error::unprocessable("Validation failed: Thumbnail must be blank");
  if (details.description) m.description = *details.description;
  apply_focus(m, details.focus);
  std::string replaced;
  if (details.thumbnail) {
    auto thumbnail = make_thumbnail(m, *details.thumbnail);
    {
      // Should the row never name the new file (a crash before the update), this removes it.
      auto conn = ctx.db.acquire();
      remove_files_later(*conn, m.id, {m.thumbnail_key}, kOrphanCheckDelayMs);
    }
    file_storage(ctx)->put(m.thumbnail_key, thumbnail.bytes, thumbnail.mime);
    replaced = thumbnail.replaced_key;
  }
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    store_media::update_details(*conn, m, now_ms());
    if (!replaced.empty()) remove_files_later(*conn, m.id, {replaced});
  });
  return m;
}

void destroy(Context& ctx, const model::Account& owner, int64_t media_id) {
  auto m = find_own(ctx, owner, media_id);
  if (m.attached()) throw Error::unprocessable("Media attachment is currently used by a status");
  discard(ctx, media_id);
}

void discard(Context& ctx, int64_t media_id) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    if (auto m = store_media::find(*conn, media_id)) {
      store_media::remove(*conn, media_id);
      remove_files_later(*conn, {*m});
    }
  });
}

}  // namespace agora::services::attachments
