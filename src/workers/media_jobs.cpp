// Jobs about media: processing an upload, removing one that was never
// attached once its day of grace is over, removing the files of deleted or
// replaced ones (and of deleted accounts), and caching remote files.
#include "services/media.h"
#include "services/remote_emoji.h"
#include "services/remote_media_cache.h"
#include "services/storage.h"
#include "workers/handlers.h"

namespace agora::workers {

namespace {
std::vector<std::string> file_keys(const boost::json::object& p) {
  auto keys = p.find("keys");
  if (keys == p.end() || !keys->value().is_array()) throw PermanentFailure("a file removal without keys");
  std::vector<std::string> list;
  for (const auto& key : keys->value().as_array())
    if (key.is_string()) list.emplace_back(key.as_string());
  return list;
}

int64_t media_id(const boost::json::object& p) {
  auto it = p.find("media_attachment_id");
  if (it == p.end() || !it->value().is_int64()) throw PermanentFailure("job without media_attachment_id");
  return it->value().as_int64();
}
int64_t account_id(const boost::json::object& p) {
  auto it = p.find("account_id");
  if (it == p.end() || !it->value().is_int64()) throw PermanentFailure("job without account_id");
  return it->value().as_int64();
}
}  // namespace

void process_media(services::Context& ctx, const boost::json::object& payload) {
  services::attachments::process(ctx, media_id(payload));
}

void remove_unattached_media(services::Context& ctx, const boost::json::object& payload) {
  services::attachments::remove_if_unattached(ctx, media_id(payload));
}

void remove_media_files(services::Context& ctx, const boost::json::object& payload) {
  services::attachments::remove_unnamed_files(ctx, media_id(payload), file_keys(payload));
}

void remove_stored_files(services::Context& ctx, const boost::json::object& payload) {
  services::remove_stored_files(ctx, file_keys(payload));
}

void cache_remote_attachment(services::Context& ctx, const boost::json::object& payload) {
  services::media_cache::cache_attachment_job(ctx, media_id(payload));
}

void cache_remote_profile(services::Context& ctx, const boost::json::object& payload) {
  services::media_cache::cache_profile(ctx, account_id(payload));
}

void cache_remote_emoji(services::Context& ctx, const boost::json::object& payload) {
  auto id = payload.find("custom_emoji_id");
  auto url = payload.find("url");
  if (id == payload.end() || !id->value().is_int64() || url == payload.end() || !url->value().is_string())
    throw PermanentFailure("cache_remote_emoji without custom_emoji_id and url");
  services::remote_emoji::cache(ctx, id->value().as_int64(), std::string(url->value().as_string()));
}

}  // namespace agora::workers
