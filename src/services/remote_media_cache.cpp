#include "services/remote_media_cache.h"

#include <optional>

#include "activitypub/parse_origin.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/time.h"
#include "federation/http_client.h"
#include "jobs/queue.h"
#include "media/image_type.h"
#include "media/images.h"
#include "media/processing.h"
#include "model/profile_images.h"
#include "services/media_keys.h"
#include "services/profile.h"
#include "services/profile_images.h"
#include "services/storage.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/domain_blocks.h"
#include "store/media_attachments.h"
#include "store/media_cache.h"
#include "store/statuses.h"

namespace agora::services::media_cache {

namespace proc = ::agora::media;

namespace {

constexpr std::chrono::milliseconds kDownloadTimeout{30'000};  // Mastodon's read deadline
constexpr int kBatch = 100;

// Stores every (key, bytes, mime); on a failure removes what was stored and rethrows.
struct Writes {
  const proc::Storage& store;
  std::vector<std::string> keys;
  void put(const std::string& key, const std::string& bytes, const std::string& mime) {
    try {
      store.put(key, bytes, mime);
    } catch (...) {
      discard();
      throw;
    }
    keys.push_back(key);
  }
  void discard() {
    for (const auto& k : keys) store.remove(k);
    keys.clear();
  }
};

enum class Outcome { cached, refused, transient };

Outcome cache_attachment_once(Context& ctx, int64_t media_id) {
  std::optional<model::MediaAttachment> m;
  {
    auto conn = ctx.db.acquire();
    m = store::media_attachments::find(*conn, media_id);
    if (!m || m->remote_url.empty()) return Outcome::refused;
    if (!m->file_key.empty()) return Outcome::cached;
    auto owner = store::accounts::find(*conn, m->account_id);
    if (!owner || owner->local()) return Outcome::refused;
    if (!media_allowed(*conn, owner->domain) || !media_allowed(*conn, activitypub::host_of(m->remote_url)))
      return Outcome::refused;
  }
  auto got = download(ctx, m->remote_url, proc::MediaLimits::video_bytes);
  if (!got.bytes) return got.transient ? Outcome::transient : Outcome::refused;
  const std::string& bytes = *got.bytes;
  if (!proc::is_supported_upload(bytes) || static_cast<int64_t>(bytes.size()) > proc::size_limit_for(bytes)) {
    log::info("remote media {} refused: unsupported type or too large", m->remote_url);
    return Outcome::refused;
  }
  proc::Processed p;
  try {
    p = proc::process_upload(bytes);
  } catch (const std::exception& e) {
    log::info("remote media {} refused: {}", m->remote_url, e.what());
    return Outcome::refused;
  }
  model::MediaAttachment done = *m;
  done.type = p.type;
  done.content_type = p.original.mime;
  done.file_key = "cache/" + attachments::media_key("files", m->id, "original", p.original.extension);
  done.file_size = static_cast<int64_t>(p.original.bytes.size());
  done.width = p.original.width ? std::optional<int>(p.original.width) : std::nullopt;
  done.height = p.original.height ? std::optional<int>(p.original.height) : std::nullopt;
  done.meta_json = p.meta_json;
  if (p.small) done.preview_key = "cache/" + attachments::media_key("files", m->id, "small", p.small->extension);
  if (!done.blurhash || done.blurhash->empty()) done.blurhash = p.blurhash;  // the sender's stays

  auto storage = file_storage(ctx);
  Writes writes{*storage, {}};
  try {
    writes.put(done.file_key, p.original.bytes, p.original.mime);
    if (p.small) writes.put(done.preview_key, p.small->bytes, p.small->mime);
  } catch (const std::exception& e) {
    log::warn("remote media {} not stored: {}", m->remote_url, e.what());
    return Outcome::transient;
  }
  bool recorded = false;
  {
    auto conn = ctx.db.acquire();
    recorded = store::media_cache::set_attachment_files(*conn, done, now_ms());
  }
  if (recorded) return Outcome::cached;
  writes.discard();  // cached meanwhile by someone else, or deleted
  auto conn = ctx.db.acquire();
  auto now = store::media_attachments::find(*conn, media_id);
  return now && !now->file_key.empty() ? Outcome::cached : Outcome::refused;
}

enum class ProfileImage { avatar, header };

// One of the account's images: downloaded, re-encoded at Mastodon's size
// (metadata gone) and recorded unless its remote URL changed meanwhile.
Outcome cache_profile_image(Context& ctx, const store::media_cache::ProfileImages& a, ProfileImage which) {
  bool avatar = which == ProfileImage::avatar;
  const std::string& url = avatar ? a.avatar_remote_url : a.header_remote_url;
  const std::string& file = avatar ? a.avatar_file : a.header_file;
  if (url.empty() || !file.empty()) return Outcome::cached;
  {
    auto conn = ctx.db.acquire();
    if (!media_allowed(*conn, activitypub::host_of(url))) return Outcome::refused;
  }
  auto got = download(ctx, url, kMaxProfileImageBytes);
  if (!got.bytes) return got.transient ? Outcome::transient : Outcome::refused;
  auto type = proc::sniff_image(*got.bytes);
  if (!type || got.bytes->size() >= kMaxProfileImageBytes) {
    log::info("remote {} {} refused: not an image or too large", avatar ? "avatar" : "header", url);
    return Outcome::refused;
  }
  int64_t pixels = avatar ? model::kAvatarPixels : model::kHeaderPixels;
  // A GIF is kept as sent (animated, as Mastodon's) beside a still of its first frame; other images are
  // re-encoded at the style's size.
  proc::Rendition image{*got.bytes, proc::mime_type(*type), proc::extension(*type)};
  if (*type != proc::ImageType::gif) {
    try {
      image = proc::preview_image(*got.bytes, proc::mime_type(*type), *type == proc::ImageType::png, pixels).small;
    } catch (const std::exception& e) {
      log::info("remote {} {} refused: {}", avatar ? "avatar" : "header", url, e.what());
      return Outcome::refused;
    }
  }
  std::string dir = (avatar ? "cache/accounts/avatars/" : "cache/accounts/headers/") + std::to_string(a.id);
  auto storage = file_storage(ctx);
  std::string key;
  try {
    key = store_profile_image(*storage, dir, image, pixels);
  } catch (const proc::Refused& e) {
    log::info("remote {} {} refused: {}", avatar ? "avatar" : "header", url, e.what());
    return Outcome::refused;
  } catch (const std::exception& e) {
    log::warn("remote profile image {} not stored: {}", url, e.what());
    return Outcome::transient;
  }
  bool recorded = false;
  {
    auto conn = ctx.db.acquire();
    auto current = store::media_cache::profile_images(*conn, a.id);
    bool still_missing = current && (avatar ? current->avatar_file : current->header_file).empty();
    recorded = still_missing && (avatar ? store::media_cache::set_avatar_file(*conn, a.id, url, key)
                                        : store::media_cache::set_header_file(*conn, a.id, url, key));
  }
  if (!recorded) remove_profile_image_files(*storage, key);
  return Outcome::cached;
}

}  // namespace

Download download(Context& ctx, const std::string& url, size_t max_bytes) {
  federation::OutboundRequest request;
  request.url = url;
  request.headers = {{"Accept", "*/*"}};
  request.max_response_bytes = max_bytes;
  request.timeout = kDownloadTimeout;
  try {
    auto response = federation::HttpClient(federation::ClientSettings::from(ctx.config)).fetch(request);
    if (response.status / 100 != 2) {
      log::info("remote media {}: HTTP {}", url, response.status);
      return {std::nullopt, response.status >= 500 || response.status == 429};
    }
    // A redirect may lead to another host: it must be as welcome as the first.
    auto host = activitypub::host_of(response.final_url);
    if (!host.empty() && host != activitypub::host_of(url)) {
      auto conn = ctx.db.acquire();
      if (!media_allowed(*conn, host)) return {};
    }
    return {std::move(response.body)};
  } catch (const federation::FetchError& e) {
    log::info("remote media {} not fetched: {}", url, e.what());
    using Kind = federation::FetchError::Kind;
    return {std::nullopt, e.kind == Kind::timeout || e.kind == Kind::network};
  }
}

bool media_allowed(store::Connection& c, const std::string& domain) {
  if (domain.empty()) return true;
  auto rule = store::domain_blocks::rule_for(c, domain);
  return !rule || (!rule->reject_media && rule->severity != "suspend");
}

void enqueue_attachment(store::Connection& c, int64_t media_id) {
  jobs::enqueue(c, {"cache_remote_attachment", {{"media_attachment_id", media_id}}, "media", 0, 3});
}

void enqueue_profile(store::Connection& c, int64_t account_id) {
  jobs::enqueue_once(c, {"cache_remote_profile", {{"account_id", account_id}}, "media", 0, 3});
}

std::vector<std::string> refresh_profile_images(store::Connection& c, int64_t account_id,
                                                const model::Account* before) {
  std::vector<std::string> replaced;
  auto now = store::media_cache::profile_images(c, account_id);
  if (!now) return replaced;
  if (before && !before->avatar_file.empty() && before->avatar_remote_url != now->avatar_remote_url &&
      store::media_cache::set_avatar_file(c, account_id, now->avatar_remote_url, "")) {
    for (auto& file : model::profile_image_files(before->avatar_file)) replaced.push_back(std::move(file));
    now->avatar_file.clear();
  }
  if (before && !before->header_file.empty() && before->header_remote_url != now->header_remote_url &&
      store::media_cache::set_header_file(c, account_id, now->header_remote_url, "")) {
    for (auto& file : model::profile_image_files(before->header_file)) replaced.push_back(std::move(file));
    now->header_file.clear();
  }
  bool missing = (!now->avatar_remote_url.empty() && now->avatar_file.empty()) ||
                 (!now->header_remote_url.empty() && now->header_file.empty());
  if (missing && media_allowed(c, now->domain)) enqueue_profile(c, account_id);
  return replaced;
}

bool cache_attachment(Context& ctx, int64_t media_id) {
  return cache_attachment_once(ctx, media_id) == Outcome::cached;
}

void cache_attachment_job(Context& ctx, int64_t media_id) {
  if (cache_attachment_once(ctx, media_id) == Outcome::transient)
    throw std::runtime_error("remote media " + std::to_string(media_id) + " not fetched yet");
}

void cache_profile(Context& ctx, int64_t account_id) {
  std::optional<store::media_cache::ProfileImages> a;
  {
    auto conn = ctx.db.acquire();
    a = store::media_cache::profile_images(*conn, account_id);
    if (!a || !media_allowed(*conn, a->domain)) return;
  }
  bool retry = cache_profile_image(ctx, *a, ProfileImage::avatar) == Outcome::transient;
  retry = cache_profile_image(ctx, *a, ProfileImage::header) == Outcome::transient || retry;
  if (retry) throw std::runtime_error("profile images of " + std::to_string(account_id) + " not fetched yet");
}

std::string proxied_file_key(Context& ctx, std::optional<int64_t> viewer, int64_t media_id, bool small) {
  std::optional<model::MediaAttachment> m;
  {
    auto conn = ctx.db.acquire();
    m = store::media_attachments::find(*conn, media_id);
    if (!m || m->remote_url.empty() || !m->status_id) throw Error::not_found();
    auto status = store::statuses::find(*conn, *m->status_id);
    if (!status || !visibility::visible(*conn, viewer, *status)) throw Error::not_found();
  }
  if (m->file_key.empty()) {
    cache_attachment(ctx, media_id);
    auto conn = ctx.db.acquire();
    m = store::media_attachments::find(*conn, media_id);
    if (!m || m->file_key.empty()) throw Error::not_found();
  }
  if (small && !m->thumbnail_key.empty()) return m->thumbnail_key;
  if (small && !m->preview_key.empty()) return m->preview_key;
  return m->file_key;
}

Removed remove_cached_attachments(Context& ctx, int64_t cutoff) {
  Removed removed;
  auto storage = file_storage(ctx);
  int64_t after = 0;
  for (;;) {
    std::vector<store::media_cache::CachedAttachment> batch;
    {
      auto conn = ctx.db.acquire();
      batch = store::media_cache::cached_attachments_before(*conn, cutoff, after, kBatch);
    }
    if (batch.empty()) return removed;
    for (const auto& a : batch) {
      after = a.id;
      {
        auto conn = ctx.db.acquire();
        store::media_cache::clear_attachment_files(*conn, a.id, now_ms());
      }
      for (const auto& key : a.keys) storage->remove(key);
      ++removed.count;
      removed.bytes += a.file_size;
    }
  }
}

Removed remove_cached_profiles(Context& ctx, int64_t cutoff, bool headers_only, bool followed_too) {
  Removed removed;
  auto storage = file_storage(ctx);
  int64_t after = 0;
  for (;;) {
    std::vector<store::media_cache::ProfileImages> batch;
    {
      auto conn = ctx.db.acquire();
      batch = store::media_cache::prunable_profiles(*conn, cutoff, after, kBatch, followed_too);
    }
    if (batch.empty()) return removed;
    for (const auto& a : batch) {
      after = a.id;
      auto conn = ctx.db.acquire();
      if (!headers_only && !a.avatar_file.empty() &&
          store::media_cache::set_avatar_file(*conn, a.id, a.avatar_remote_url, "")) {
        remove_profile_image_files(*storage, a.avatar_file);
        ++removed.count;
      }
      if (!a.header_file.empty() && store::media_cache::set_header_file(*conn, a.id, a.header_remote_url, "")) {
        remove_profile_image_files(*storage, a.header_file);
        ++removed.count;
      }
    }
  }
}

}  // namespace agora::services::media_cache
