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

std::optional<std::string> local_image_key(Connection& c, const std::string& shortcode) {
  auto r = c.query_one("SELECT image_key FROM custom_emojis WHERE domain IS NULL AND shortcode = ?", {shortcode});
  if (!r) return std::nullopt;
  return r->text(0);
}

void replace_local(Connection& c, const std::string& shortcode, const std::string& image_key,
                   const std::string& content_type, const std::string& category, bool visible_in_picker, int64_t now) {
  c.execute(
      "UPDATE custom_emojis SET image_key = ?, content_type = ?, category = ?, visible_in_picker = ?, updated_at = ?"
      " WHERE domain IS NULL AND shortcode = ?",
      {image_key, content_type, category.empty() ? SqlValue{} : SqlValue{category}, visible_in_picker, now, shortcode});
}

void set_visible_in_picker(Connection& c, const std::string& shortcode, bool visible, int64_t now) {
  c.execute("UPDATE custom_emojis SET visible_in_picker = ?, updated_at = ? WHERE domain IS NULL AND shortcode = ?",
            {visible, now, shortcode});
}

std::optional<std::string> remove_local(Connection& c, const std::string& shortcode) {
  auto r = c.query_one("SELECT image_key FROM custom_emojis WHERE domain IS NULL AND shortcode = ?", {shortcode});
  if (!r) return std::nullopt;
  c.execute("DELETE FROM custom_emojis WHERE domain IS NULL AND shortcode = ?", {shortcode});
  return r->text(0);
}

namespace {

constexpr const char* kSelectRemote =
    "SELECT id, shortcode, domain, image_remote_url, image_key FROM custom_emojis WHERE domain IS NOT NULL ";

RemoteEmoji remote_from(const Row& r) { return {r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)}; }

}  // namespace

std::optional<RemoteEmoji> find_remote(Connection& c, const std::string& shortcode, const std::string& domain) {
  auto r = c.query_one(std::string(kSelectRemote) + "AND shortcode = ? AND domain = ?", {shortcode, domain});
  if (!r) return std::nullopt;
  return remote_from(*r);
}

std::optional<RemoteEmoji> find_remote_by_id(Connection& c, int64_t id) {
  auto r = c.query_one(std::string(kSelectRemote) + "AND id = ?", {id});
  if (!r) return std::nullopt;
  return remote_from(*r);
}

void insert_remote(Connection& c, int64_t id, const RemoteEmoji& e, const std::string& uri, int64_t now) {
  c.execute(
      "INSERT INTO custom_emojis (id, shortcode, domain, uri, image_remote_url, visible_in_picker, created_at,"
      " updated_at) VALUES (?, ?, ?, ?, ?, FALSE, ?, ?)",
      {id, e.shortcode, e.domain, uri.empty() ? SqlValue{} : SqlValue{uri}, e.image_remote_url, now, now});
}

void set_remote_url(Connection& c, int64_t id, const std::string& uri, const std::string& image_remote_url, int64_t now) {
  c.execute("UPDATE custom_emojis SET uri = ?, image_remote_url = ?, updated_at = ? WHERE id = ?",
            {uri.empty() ? SqlValue{} : SqlValue{uri}, image_remote_url, now, id});
}

std::optional<std::string> set_remote_image(Connection& c, int64_t id, const std::string& image_remote_url,
                                            const std::string& key, const std::string& content_type, int64_t now) {
  auto current = find_remote_by_id(c, id);
  if (!current || current->image_remote_url != image_remote_url) return std::nullopt;
  c.execute("UPDATE custom_emojis SET image_key = ?, content_type = ?, updated_at = ? WHERE id = ?",
            {key, content_type, now, id});
  return current->image_key;
}

std::vector<model::CustomEmoji> find_cached_remote(Connection& c, const std::string& domain,
                                                   const std::vector<std::string>& shortcodes) {
  std::vector<model::CustomEmoji> out;
  if (shortcodes.empty()) return out;
  Statement s("SELECT id, shortcode, image_key FROM custom_emojis WHERE domain = ? AND image_key IS NOT NULL"
              " AND NOT disabled AND shortcode IN ",
              {domain});
  s.add_text_list(shortcodes);
  for (const auto& r : s.query(c)) {
    model::CustomEmoji e;
    e.id = r.int64(0);
    e.shortcode = r.text(1);
    e.domain = domain;
    e.image_url = e.static_url = r.text(2);
    e.visible_in_picker = false;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace agora::store::custom_emojis
