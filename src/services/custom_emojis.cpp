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

model::CustomEmoji add(Context& ctx, const std::string& shortcode, const std::string& image_bytes,
                       const std::string& category) {
  if (!valid_shortcode(shortcode)) throw Error::unprocessable("Validation failed: Shortcode is invalid");
  if (category.size() > 64) throw Error::unprocessable("Validation failed: Category is too long");
  auto type = media::sniff_image(image_bytes);
  if (!type || *type == media::ImageType::jpeg)
    throw Error::unprocessable("Validation failed: Image content type is invalid");
  if (image_bytes.size() > kMaxImageBytes)
    throw Error::unprocessable("Validation failed: Image file size must be less than 256 KB");

  int64_t id = next_id();
  std::string key = "custom_emojis/images/" + std::to_string(id) + "/" + new_file_name(*type);
  auto files = file_storage(ctx);
  files->put(key, image_bytes, media::mime_type(*type));
  auto conn = ctx.db.acquire();
  try {
    store::custom_emojis::insert_local(*conn, id, shortcode, key, media::mime_type(*type), category, now_ms());
  } catch (const store::UniqueViolation&) {
    files->remove(key);
    throw Error::unprocessable("Validation failed: Shortcode has already been taken");
  }
  return *store::custom_emojis::find_local(*conn, shortcode);
}

void remove(Context& ctx, const std::string& shortcode) {
  auto conn = ctx.db.acquire();
  auto key = store::custom_emojis::remove_local(*conn, shortcode);
  if (!key) throw Error::not_found();
  if (!key->empty()) file_storage(ctx)->remove(*key);
}

}  // namespace agora::services::custom_emojis
