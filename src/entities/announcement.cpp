#include "entities/announcement.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/custom_emoji.h"
#include "entities/tag.h"

namespace agora::entities {

namespace json = boost::json;

namespace {
json::value optional_time(const std::optional<int64_t>& ms) {
  if (!ms) return nullptr;
  return json::string(format_iso8601(*ms));
}
}  // namespace

json::object reaction(const model::AnnouncementReaction& r, const RenderContext& rc) {
  json::object out{{"name", r.name}, {"count", r.count}, {"me", r.me}};
  if (r.emoji) {
    out["url"] = rc.file_or_url(r.emoji->image_url);
    out["static_url"] = rc.file_or_url(r.emoji->static_url);
  }
  return out;
}

json::object announcement(const model::Announcement& a, const RenderContext& rc) {
  json::array tags, emojis, reactions;
  for (const auto& name : a.tag_names) tags.push_back(status_tag(name, rc));
  for (const auto& e : a.emojis) emojis.push_back(custom_emoji(e, rc));
  for (const auto& r : a.reactions) reactions.push_back(reaction(r, rc));
  return {{"id", std::to_string(a.id)},
          {"content", a.content},
          {"starts_at", optional_time(a.starts_at)},
          {"ends_at", optional_time(a.ends_at)},
          {"all_day", a.all_day},
          {"published_at", optional_time(a.published_at)},
          {"updated_at", format_iso8601(a.updated_at)},
          {"read", a.read},
          {"mentions", json::array()},
          {"statuses", json::array()},
          {"tags", std::move(tags)},
          {"emojis", std::move(emojis)},
          {"reactions", std::move(reactions)}};
}

json::object admin_announcement(const model::Announcement& a, const RenderContext& rc) {
  json::object member = announcement(a, rc);
  json::object out{{"id", member["id"]},
                   {"text", a.text},
                   {"content", member["content"]},
                   {"starts_at", member["starts_at"]},
                   {"ends_at", member["ends_at"]},
                   {"all_day", a.all_day},
                   {"published", a.published},
                   {"published_at", member["published_at"]},
                   {"scheduled_at", optional_time(a.scheduled_at)},
                   {"created_at", format_iso8601(a.created_at)},
                   {"updated_at", member["updated_at"]}};
  for (const char* key : {"mentions", "statuses", "tags", "emojis", "reactions"}) out[key] = member[key];
  return out;
}

}  // namespace agora::entities
