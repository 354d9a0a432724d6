#include "services/site_thumbnail.h"

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "media/image_type.h"
#include "media/images.h"
#include "services/admin_metrics.h"
#include "services/instance.h"
#include "services/storage.h"
#include "store/admin_action_logs.h"
#include "store/settings.h"

namespace agora::services {

namespace {

// Mastodon's @1x (1200x630) and @2x (2400x1260) styles, by their pixel counts.
constexpr int64_t kPixels1x = 1200 * 630, kPixels2x = 2400 * 1260;
constexpr int64_t kMaxBytes = media::MediaLimits::image_bytes;

// Stores the setting and logs the change; the files the old value named are returned for removal.
std::optional<model::SiteThumbnail> replace(Context& ctx, const Staff& staff, const std::string& value,
                                            const char* action) {
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    auto old = instance_settings(*conn).thumbnail;
    store::settings::put(*conn, "thumbnail", value);
    store::admin_action_logs::record(*conn, staff.account.id, action, "SiteUpload", 0, "thumbnail", now_ms());
    return old;
  });
}

void remove_files(Context& ctx, const std::optional<model::SiteThumbnail>& t) {
  if (!t) return;
  auto storage = file_storage(ctx);
  storage->remove(t->key_1x);
  storage->remove(t->key_2x);
}

}  // namespace

model::SiteThumbnail set_site_thumbnail(Context& ctx, const Staff& staff, std::string_view bytes) {
  authorize(can(staff, model::Permission::manage_settings));
  if (bytes.empty()) throw Error::unprocessable("Validation failed: File can't be blank");
  if (static_cast<int64_t>(bytes.size()) > kMaxBytes)
    throw Error::unprocessable("Validation failed: File must be less than " + human_size(kMaxBytes));
  auto type = media::sniff_image(bytes);
  if (!type) throw Error::unprocessable("Validation failed: File content type is invalid");
  media::ImageOutput one, two;
  try {
    one = media::preview_image(bytes, media::mime_type(*type), false, kPixels1x);
    two = media::preview_image(bytes, media::mime_type(*type), false, kPixels2x);
  } catch (const media::Refused& e) {
    throw Error::unprocessable(std::string("Validation failed: File ") + e.what());
  }
  std::string dir = "site_uploads/files/" + std::to_string(next_id()) + "/";
  // ("@" is no character of a storage key.)
  model::SiteThumbnail t{dir + "1x." + one.small.extension, dir + "2x." + two.small.extension, one.blurhash};
  auto storage = file_storage(ctx);
  // Files first, then the setting that names them: a failure leaves the old picture in place.
  storage->put(t.key_1x, one.small.bytes, one.small.mime);
  storage->put(t.key_2x, two.small.bytes, two.small.mime);
  try {
    remove_files(ctx, replace(ctx, staff, stored_thumbnail(t), "update"));
  } catch (...) {
    remove_files(ctx, t);
    throw;
  }
  return t;
}

void remove_site_thumbnail(Context& ctx, const Staff& staff) {
  authorize(can(staff, model::Permission::manage_settings));
  {
    auto conn = ctx.db.acquire();
    if (!instance_settings(*conn).thumbnail) return;
  }
  remove_files(ctx, replace(ctx, staff, "", "destroy"));
}

}  // namespace agora::services
