#include "store/admin_custom_emojis.h"

#include <cctype>

#include "store/statement.h"

namespace agora::store::admin_custom_emojis {

namespace {

constexpr const char* kSelect =
    "SELECT id, shortcode, domain, uri, image_key, image_remote_url, content_type, category, visible_in_picker,"
    " disabled, created_at, updated_at FROM custom_emojis WHERE TRUE";

Emoji emoji_from(const Row& r) {
  Emoji e;
  e.id = r.int64(0);
  e.shortcode = r.text(1);
  e.domain = r.text(2);
  e.uri = r.text(3);
  e.image_key = r.text(4);
  e.image_remote_url = r.text(5);
  e.content_type = r.text(6);
  e.category = r.text(7);
  e.visible_in_picker = r.boolean(8);
  e.disabled = r.boolean(9);
  e.created_at = r.int64(10);
  e.updated_at = r.int64(11);
  return e;
}

// LIKE with the user's text taken literally.
std::string like_pattern(const std::string& part) {
  std::string out = "%";
  for (char ch : part) {
    if (ch == '%' || ch == '_' || ch == '\\') out += '\\';
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out + "%";
}

}  // namespace

std::vector<Emoji> list(Connection& c, const Filter& f, const model::PageRequest& page) {
  Statement s(kSelect);
  if (f.local_only) s.add(" AND domain IS NULL");
  if (f.remote_only) s.add(" AND domain IS NOT NULL");
  if (!f.domain.empty()) s.add(" AND domain = ?", {f.domain});
  if (!f.shortcode.empty()) s.add(" AND LOWER(shortcode) LIKE ? ESCAPE '\\'", {like_pattern(f.shortcode)});
  s.add_newest_first_page("id", page);
  std::vector<Emoji> out;
  for (const auto& r : s.query(c)) out.push_back(emoji_from(r));
  return out;
}

std::optional<Emoji> find(Connection& c, int64_t id) {
  auto rows = Statement(kSelect).add(" AND id = ?", {id}).query(c);
  if (rows.empty()) return std::nullopt;
  return emoji_from(rows.front());
}

void update(Connection& c, int64_t id, const Changes& ch, int64_t now) {
  Statement s("UPDATE custom_emojis SET updated_at = ?", {now});
  if (ch.disabled) s.add(", disabled = ?", {*ch.disabled});
  if (ch.visible_in_picker) s.add(", visible_in_picker = ?", {*ch.visible_in_picker});
  if (ch.category) s.add(", category = ?", {ch.category->empty() ? SqlValue{} : SqlValue{*ch.category}});
  s.add(" WHERE id = ?", {id});
  s.execute(c);
}

void remove(Connection& c, int64_t id) { c.execute("DELETE FROM custom_emojis WHERE id = ?", {id}); }

}  // namespace agora::store::admin_custom_emojis
