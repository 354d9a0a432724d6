#include "services/custom_emojis.h"

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "media/image_type.h"
#include "services/storage.h"
#include "store/custom_emojis.h"

namespace agora::services::custom_emojis {

namespace {

// Mastodon's CustomEmoji::SHORTCODE_RE_FRAGMENT: [a-zA-Z0-9_]{2,}.
bool valid_shortcode(const std::string& s) {
  if (s.size() < 2 || s.size() > 128) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

std::vector<model::CustomEmoji> listed(Context& ctx) {
  auto conn = ctx.db.acquire();
  return store::custom_emojis::listed(*conn);
}

namespace {

// Mastodon's validations of a local emoji (422 with its messages); the image's type.
media::ImageType check(const std::string& shortcode, const std::string& image_bytes, const std::string& category) {
  if (!valid_shortcode(shortcode)) throw Error::unprocessable("Validation failed: Shortcode is invalid");
  if (category.size() > 64) throw Error::unprocessable("Validation failed: Category is too long");
  auto type = media::sniff_image(image_bytes);
  if (!type || *type == media::ImageType::jpeg)
    throw Error::unprocessable("Validation failed: Image content type is invalid");
  if (image_bytes.size() > kMaxImageBytes)
    throw Error::unprocessable("Validation failed: Image file size must be less than 256 KB");
  return *type;
}

// Stores the image under a new key; returns the key.
std::string put_image(Context& ctx, int64_t id, media::ImageType type, const std::string& image_bytes) {
  std::string key = "custom_emojis/images/" + std::to_string(id) + "/" + new_file_name(type);
  file_storage(ctx)->put(key, image_bytes, media::mime_type(type));
  return key;
}

}  // namespace

model::CustomEmoji add(Context& ctx, const std::string& shortcode, const std::string& image_bytes,
                       const std::string& category) {
  auto type = check(shortcode, image_bytes, category);
  int64_t id = next_id();
  std::string key = put_image(ctx, id, type, image_bytes);
  auto conn = ctx.db.acquire();
  try {
    store::custom_emojis::insert_local(*conn, id, shortcode, key, media::mime_type(type), category, now_ms());
  } catch (const store::UniqueViolation&) {
    file_storage(ctx)->remove(key);
    throw Error::unprocessable("Validation failed: Shortcode has already been taken");
  }
  return *store::custom_emojis::find_local(*conn, shortcode);
}

Imported import(Context& ctx, const std::string& shortcode, const std::string& image_bytes,
                const ImportOptions& options) {
  auto type = check(shortcode, image_bytes, options.category);
  bool exists = false;
  {
    auto conn = ctx.db.acquire();
    exists = store::custom_emojis::local_image_key(*conn, shortcode).has_value();
  }
  if (exists && !options.overwrite) return Imported::skipped;
  int64_t id = next_id();
  std::string key = put_image(ctx, id, type, image_bytes);
  std::optional<std::string> old_key;
  try {
    auto conn = ctx.db.acquire();
    store::in_transaction(*conn, [&] {
      int64_t now = now_ms();
      old_key = store::custom_emojis::local_image_key(*conn, shortcode);
      if (old_key) {
        store::custom_emojis::replace_local(*conn, shortcode, key, media::mime_type(type), options.category,
                                            options.visible_in_picker, now);
      } else {
        store::custom_emojis::insert_local(*conn, id, shortcode, key, media::mime_type(type), options.category, now);
        if (!options.visible_in_picker) store::custom_emojis::set_visible_in_picker(*conn, shortcode, false, now);
      }
    });
  } catch (const store::UniqueViolation&) {  // added meanwhile
    file_storage(ctx)->remove(key);
    throw Error::unprocessable("Validation failed: Shortcode has already been taken");
  } catch (...) {
    file_storage(ctx)->remove(key);
    throw;
  }
  if (old_key && !old_key->empty()) file_storage(ctx)->remove(*old_key);  // after the commit
  return old_key ? Imported::replaced : Imported::added;
}

void remove(Context& ctx, const std::string& shortcode) {
  auto conn = ctx.db.acquire();
  auto key = store::custom_emojis::remove_local(*conn, shortcode);
  if (!key) throw Error::not_found();
  if (!key->empty()) file_storage(ctx)->remove(*key);
}

}  // namespace agora::services::custom_emojis
