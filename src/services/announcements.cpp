#include "services/announcements.h"

#include <cctype>
#include <map>

#include "core/errors.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "services/stream_events.h"
#include "store/announcements.h"
#include "store/custom_emojis.h"
#include "text/emoji.h"
#include "text/entities.h"
#include "text/plain_text.h"

namespace agora::services::announcements {

namespace {

// Content, hashtags, custom emoji and reactions for one viewer.
void complete(Context& ctx, store::Connection& c, model::Announcement& a, int64_t viewer) {
  text::FormatOptions options;
  options.base_url = ctx.config.base_url();
  a.content = text::format_plain_text(a.text, options);
  for (const auto& e : text::extract_entities(a.text))
    if (e.kind == text::Entity::Kind::hashtag) a.tag_names.push_back(e.value);
  a.emojis = store::custom_emojis::find_local_by_shortcodes(c, text::custom_emoji_shortcodes(a.text));
  a.reactions = store::announcements::reactions(c, a.id, viewer);
  std::vector<std::string> names;
  for (const auto& r : a.reactions) names.push_back(r.name);
  std::map<std::string, model::CustomEmoji> by_code;
  for (auto& e : store::custom_emojis::find_local_by_shortcodes(c, names)) by_code.emplace(e.shortcode, e);
  for (auto& r : a.reactions)
    if (auto it = by_code.find(r.name); it != by_code.end()) r.emoji = it->second;
}

model::Announcement require_active(store::Connection& c, int64_t id) {
  auto a = store::announcements::find_active(c, id, now_ms());
  if (!a) throw Error::not_found();
  return *a;
}

}  // namespace

void validate(const NewAnnouncement& n) {
  if (text::strip(n.text).empty()) throw Error::unprocessable("Validation failed: Text can't be blank");
  if (n.starts_at && n.ends_at && *n.ends_at < *n.starts_at)
    throw Error::unprocessable("Validation failed: Ends at must be after the start");
  if ((n.starts_at.has_value()) != (n.ends_at.has_value()))
    throw Error::unprocessable("Validation failed: Starts at and ends at must both be given, or neither");
}

void complete(Context& ctx, std::vector<model::Announcement>& list, int64_t viewer) {
  auto conn = ctx.db.acquire();
  for (auto& a : list) complete(ctx, *conn, a, viewer);
}

model::Announcement publish(Context& ctx, const NewAnnouncement& n) {
  validate(n);
  model::Announcement a;
  a.id = next_id();
  a.text = n.text;
  a.published = true;
  a.all_day = n.all_day;
  a.starts_at = n.starts_at;
  a.ends_at = n.ends_at;
  a.created_at = a.updated_at = now_ms();
  a.published_at = a.created_at;
  auto conn = ctx.db.acquire();
  store::announcements::insert(*conn, a);
  stream_events::announcement_published(*conn, a.id);
  return a;
}

std::vector<model::Announcement> all(Context& ctx) {
  auto conn = ctx.db.acquire();
  return store::announcements::all(*conn);
}

void remove(Context& ctx, int64_t id) {
  auto conn = ctx.db.acquire();
  if (!store::announcements::remove(*conn, id)) throw Error::not_found();
  stream_events::announcement_deleted(*conn, id);
}

std::vector<model::Announcement> active(Context& ctx, const model::Account& viewer, bool with_dismissed) {
  auto conn = ctx.db.acquire();
  auto list = store::announcements::active(*conn, viewer.id, now_ms(), with_dismissed);
  for (auto& a : list) complete(ctx, *conn, a, viewer.id);
  return list;
}

void dismiss(Context& ctx, const model::Account& viewer, int64_t id) {
  auto conn = ctx.db.acquire();
  require_active(*conn, id);
  store::announcements::dismiss(*conn, id, viewer.id);
}

void react(Context& ctx, const model::Account& viewer, int64_t id, const std::string& name) {
  auto conn = ctx.db.acquire();
  require_active(*conn, id);
  if (name.empty()) throw Error::unprocessable("Validation failed: Name can't be blank");
  if (!text::is_unicode_emoji(name) && !store::custom_emojis::find_local(*conn, name))
    throw Error::unprocessable("Validation failed: Name is not a recognized emoji");
  store::in_transaction(*conn, [&] {
    if (!store::announcements::reaction_name_used(*conn, id, name) &&
        store::announcements::distinct_reaction_names(*conn, id) >= kMaxDistinctReactions)
      throw Error::unprocessable("Validation failed: Limit of different reactions reached");
    stream_events::announcement_reaction(*conn, id, name);
    try {
      store::announcements::add_reaction(*conn, id, viewer.id, name, now_ms());
    } catch (const store::UniqueViolation&) {
      throw Error::unprocessable("Duplicate record");
    }
  });
}

void unreact(Context& ctx, const model::Account& viewer, int64_t id, const std::string& name) {
  auto conn = ctx.db.acquire();
  require_active(*conn, id);
  if (!store::announcements::remove_reaction(*conn, id, viewer.id, name)) throw Error::not_found();
  stream_events::announcement_reaction(*conn, id, name);
}

}  // namespace agora::services::announcements
