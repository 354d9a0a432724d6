#include "services/admin_custom_emojis.h"

#include "core/errors.h"
#include "core/time.h"
#include "services/custom_emojis.h"
#include "services/storage.h"
#include "store/admin_action_logs.h"

namespace agora::services::admin_custom_emojis {

namespace {

namespace rows = store::admin_custom_emojis;

void require_permission(const Staff& staff) { authorize(can(staff, model::Permission::manage_custom_emojis)); }

Emoji require(store::Connection& c, int64_t id) {
  auto e = rows::find(c, id);
  if (!e) throw Error::not_found();
  return *e;
}

std::string summary(const Emoji& e) { return e.domain.empty() ? e.shortcode : e.shortcode + "@" + e.domain; }

void log(store::Connection& c, const Staff& staff, const std::string& action, const Emoji& e) {
  store::admin_action_logs::record(c, staff.account.id, action, "CustomEmoji", e.id, summary(e), now_ms());
}

Emoji created(Context& ctx, const Staff& staff, const std::string& action, const model::CustomEmoji& made) {
  auto conn = ctx.db.acquire();
  auto e = require(*conn, made.id);
  log(*conn, staff, action, e);
  return e;
}

}  // namespace

model::Paginated<Emoji> list(Context& ctx, const Staff& staff, const rows::Filter& f, const model::PageRequest& page) {
  require_permission(staff);
  auto conn = ctx.db.acquire();
  model::Paginated<Emoji> out;
  out.items = rows::list(*conn, f, page);
  if (!out.items.empty()) {
    if (static_cast<int>(out.items.size()) == page.limit) out.next_max_id = out.items.back().id;
    out.prev_since_id = out.items.front().id;
  }
  return out;
}

Emoji show(Context& ctx, const Staff& staff, int64_t id) {
  require_permission(staff);
  auto conn = ctx.db.acquire();
  return require(*conn, id);
}

Emoji create(Context& ctx, const Staff& staff, const std::string& shortcode, const std::string& image,
             const std::string& category) {
  require_permission(staff);
  return created(ctx, staff, "create", custom_emojis::add(ctx, shortcode, image, category));
}

Emoji update(Context& ctx, const Staff& staff, int64_t id, const rows::Changes& changes) {
  require_permission(staff);
  if (changes.category && changes.category->size() > 64)
    throw Error::unprocessable("Validation failed: Category is too long");
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    require(*conn, id);
    rows::update(*conn, id, changes, now_ms());
    auto e = require(*conn, id);
    std::string action = "update";
    if (changes.disabled && !changes.visible_in_picker && !changes.category)
      action = *changes.disabled ? "disable" : "enable";
    log(*conn, staff, action, e);
    return e;
  });
}

Emoji copy(Context& ctx, const Staff& staff, int64_t id) {
  require_permission(staff);
  Emoji remote;
  {
    auto conn = ctx.db.acquire();
    remote = require(*conn, id);
  }
  if (remote.domain.empty()) throw Error::unprocessable("Validation failed: The emoji is already local");
  if (remote.image_key.empty()) throw Error::unprocessable("Validation failed: The image is not cached yet");
  auto bytes = file_storage(ctx)->read(remote.image_key, custom_emojis::kMaxImageBytes + 1);
  if (!bytes) throw Error::unprocessable("Validation failed: The image is not cached yet");
  return created(ctx, staff, "copy", custom_emojis::add(ctx, remote.shortcode, *bytes, remote.category));
}

void destroy(Context& ctx, const Staff& staff, int64_t id) {
  require_permission(staff);
  auto conn = ctx.db.acquire();
  auto e = store::in_transaction(*conn, [&] {
    auto e = require(*conn, id);
    rows::remove(*conn, id);
    log(*conn, staff, "destroy", e);
    return e;
  });
  if (!e.image_key.empty()) file_storage(ctx)->remove(e.image_key);
}

}  // namespace agora::services::admin_custom_emojis
