#include "store/custom_emojis.h"

#include <algorithm>

#include "store/statement.h"

namespace agora::store::custom_emojis {

namespace {

constexpr const char* kSelect =
    "SELECT id, shortcode, image_key, category, visible_in_picker, disabled FROM custom_emojis"
    " WHERE domain IS NULL ";

model::CustomEmoji emoji_from(const Row& r) {
  model::CustomEmoji e;
  e.id = r.int64(0);
  e.shortcode = r.text(1);
  e.image_url = r.text(2);
  e.static_url = e.image_url;  // no separate still image is made yet
  e.category = r.text(3);
  e.visible_in_picker = r.boolean(4);
  return e;
}

}  // namespace

std::vector<model::CustomEmoji> find_local_by_shortcodes(Connection& c, const std::vector<std::string>& shortcodes) {
  std::vector<model::CustomEmoji> out;
  // Shortcodes are few per text; one small query each keeps statements prepared once.
  std::vector<std::string> unique = shortcodes;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (const auto& code : unique) {
    auto r = c.query_one(std::string(kSelect) + "AND shortcode = ? AND NOT disabled", {code});
    if (r) out.push_back(emoji_from(*r));
  }
  return out;
}

std::vector<model::CustomEmoji> listed(Connection& c) {
  std::vector<model::CustomEmoji> out;
  for (const auto& r : c.query(std::string(kSelect) + "AND NOT disabled AND visible_in_picker ORDER BY shortcode"))
    out.push_back(emoji_from(r));
  return out;
}

std::vector<LocalEmoji> all_local(Connection& c) {
  std::vector<LocalEmoji> out;
  for (const auto& r : c.query(std::string(kSelect) + "ORDER BY shortcode")) out.push_back({emoji_from(r), r.boolean(5)});
  return out;
}

std::optional<model::CustomEmoji> find_local(Connection& c, const std::string& shortcode) {
  auto r = c.query_one(std::string(kSelect) + "AND shortcode = ? AND NOT disabled", {shortcode});
  if (!r) return std::nullopt;
  return emoji_from(*r);
}

void insert_local(Connection& c, int64_t id, const std::string& shortcode, const std::string& image_key,
                  const std::string& content_type, const std::string& category, int64_t now) {
  c.execute(
      "INSERT INTO custom_emojis (id, shortcode, image_key, content_type, category, created_at, updated_at)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)",
      {id, shortcode, image_key, content_type, category.empty() ? SqlValue{} : SqlValue{category}, now, now});
}

std::optional<std::string> remove_local(Connection& c, const std::string& shortcode) {
  auto r = c.query_one("SELECT image_key FROM custom_emojis WHERE domain IS NULL AND shortcode = ?", {shortcode});
  if (!r) return std::nullopt;
  c.execute("DELETE FROM custom_emojis WHERE domain IS NULL AND shortcode = ?", {shortcode});
  return r->text(0);
}

}  // namespace agora::store::custom_emojis
