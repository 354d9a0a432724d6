// Media attachments and statuses: which uploads a post may carry, and the
// files that go with a status when it is deleted.
#include <algorithm>

#include <boost/json.hpp>

#include "core/errors.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/media.h"
#include "services/storage.h"
#include "store/media_attachments.h"

namespace agora::services::attachments {

namespace store_media = store::media_attachments;

std::vector<model::MediaAttachment> attachable(store::Connection& c, int64_t owner_id, const std::vector<int64_t>& ids,
                                               std::optional<int64_t> status_id) {
  if (ids.empty()) return {};
  // validate_status refused more files than the server's limit before every call.
  // Others' attachments and those already in another status are left out, as Mastodon's scope does.
  std::vector<model::MediaAttachment> media;
  for (auto& m : store_media::find_many(c, ids))
    if (m.account_id == owner_id && m.remote_url.empty() && (!m.status_id || m.status_id == status_id))
      media.push_back(std::move(m));
  // Mastodon's audio_or_video?: gifv may sit next to images.
  if (media.size() > 1 && std::any_of(media.begin(), media.end(), [](const auto& m) {
        return m.type == "video" || m.type == "audio";
      }))
    throw Error::unprocessable("Cannot attach a video to a post that already contains images");
  if (std::any_of(media.begin(), media.end(), [](const auto& m) { return !m.processed(); }))
    throw Error::unprocessable("Cannot attach files that have not finished processing. Try again in a moment!");
  return media;
}

namespace {
std::vector<std::string> keys_of(const model::MediaAttachment& m) {
  std::vector<std::string> keys;
  for (const auto* key : {&m.file_key, &m.preview_key, &m.thumbnail_key, &m.upload_key})
    if (!key->empty()) keys.push_back(*key);
  return keys;
}
}  // namespace

void remove_for_status(store::Connection& c, int64_t status_id) {
  auto media = store_media::all_of_status(c, status_id);
  for (const auto& m : media) store_media::remove(c, m.id);
  remove_files_later(c, media);
}

void remove_files(Context& ctx, const std::vector<model::MediaAttachment>& media) {
  auto storage = file_storage(ctx);
  for (const auto& m : media)
    for (const auto& key : keys_of(m)) storage->remove(key);
}

void remove_files_later(store::Connection& c, int64_t media_id, const std::vector<std::string>& keys,
                        int64_t delay_ms) {
  if (keys.empty()) return;
  boost::json::array list;
  for (const auto& key : keys) list.emplace_back(key);
  jobs::enqueue(c, {"remove_media_files", {{"media_attachment_id", media_id}, {"keys", std::move(list)}}, "default",
                    delay_ms, 5});
}

void remove_files_later(store::Connection& c, const std::vector<model::MediaAttachment>& media) {
  for (const auto& m : media) remove_files_later(c, m.id, keys_of(m));
}

void remove_unnamed_files(Context& ctx, int64_t media_id, const std::vector<std::string>& keys) {
  std::vector<std::string> named;
  {
    auto conn = ctx.db.acquire();
    if (auto m = store_media::find(*conn, media_id)) named = keys_of(*m);
  }
  auto storage = file_storage(ctx);
  for (const auto& key : keys)
    if (std::find(named.begin(), named.end(), key) == named.end()) storage->remove(key);
}

void remove_if_unattached(Context& ctx, int64_t media_id) {
  std::optional<model::MediaAttachment> m;
  {
    auto conn = ctx.db.acquire();
    m = store_media::find(*conn, media_id);
    if (!m || m->attached() || !m->remote_url.empty() || m->created_at > now_ms() - kUnattachedGraceMs) return;
    store::in_transaction(*conn, [&] {
      store_media::remove(*conn, media_id);
      remove_files_later(*conn, {*m});
    });
  }
}

}  // namespace agora::services::attachments
