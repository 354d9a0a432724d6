#include "store/announcements.h"

namespace agora::store::announcements {

namespace {

constexpr const char* kColumns =
    "a.id, a.text, a.published, a.all_day, a.starts_at, a.ends_at, a.published_at, a.created_at, a.updated_at, a.scheduled_at";
constexpr const char* kChronological =
    " ORDER BY COALESCE(a.starts_at, a.published_at, a.created_at), a.id";

SqlValue opt(const std::optional<int64_t>& v) { return v ? SqlValue{*v} : SqlValue{}; }

model::Announcement announcement_from(const Row& r) {
  model::Announcement a;
  a.id = r.int64(0);
  a.text = r.text(1);
  a.published = r.boolean(2);
  a.all_day = r.boolean(3);
  a.starts_at = r.opt_int64(4);
  a.ends_at = r.opt_int64(5);
  a.published_at = r.opt_int64(6);
  a.created_at = r.int64(7);
  a.updated_at = r.int64(8);
  a.scheduled_at = r.opt_int64(9);
  return a;
}

}  // namespace

void insert(Connection& c, const model::Announcement& a) {
  c.execute(
      "INSERT INTO announcements (id, text, published, all_day, starts_at, ends_at, published_at, created_at,"
      " updated_at, scheduled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {a.id, a.text, a.published, a.all_day, opt(a.starts_at), opt(a.ends_at), opt(a.published_at), a.created_at,
       a.updated_at, opt(a.scheduled_at)});
}

std::optional<model::Announcement> find(Connection& c, int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kColumns + " FROM announcements a WHERE a.id = ?", {id});
  if (!r) return std::nullopt;
  return announcement_from(*r);
}

bool update(Connection& c, const model::Announcement& a) {
  return c.execute(
             "UPDATE announcements SET text = ?, published = ?, all_day = ?, starts_at = ?, ends_at = ?,"
             " published_at = ?, updated_at = ?, scheduled_at = ? WHERE id = ?",
             {a.text, a.published, a.all_day, opt(a.starts_at), opt(a.ends_at), opt(a.published_at), a.updated_at,
              opt(a.scheduled_at), a.id}) > 0;
}

std::vector<model::Announcement> active(Connection& c, int64_t viewer, int64_t now, bool with_dismissed) {
  std::string sql = std::string("SELECT ") + kColumns +
                    ", EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.account_id = ?)"
                    " FROM announcements a WHERE a.published AND (a.ends_at IS NULL OR a.ends_at > ?)";
  if (!with_dismissed)
    sql += " AND NOT EXISTS (SELECT 1 FROM announcement_reads r WHERE r.announcement_id = a.id AND r.account_id = ?)";
  sql += kChronological;
  auto rows = with_dismissed ? c.query(sql, {viewer, now}) : c.query(sql, {viewer, now, viewer});
  std::vector<model::Announcement> out;
  for (const auto& r : rows) {
    out.push_back(announcement_from(r));
    out.back().read = r.boolean(10);
  }
  return out;
}

std::optional<model::Announcement> find_active(Connection& c, int64_t id, int64_t now) {
  auto r = c.query_one(std::string("SELECT ") + kColumns +
                           " FROM announcements a WHERE a.id = ? AND a.published AND (a.ends_at IS NULL OR a.ends_at > ?)",
                       {id, now});
  if (!r) return std::nullopt;
  return announcement_from(*r);
}

std::vector<model::Announcement> all(Connection& c) {
  std::vector<model::Announcement> out;
  for (const auto& r : c.query(std::string("SELECT ") + kColumns + " FROM announcements a ORDER BY a.id DESC"))
    out.push_back(announcement_from(r));
  return out;
}

bool remove(Connection& c, int64_t id) { return c.execute("DELETE FROM announcements WHERE id = ?", {id}) > 0; }

void dismiss(Connection& c, int64_t announcement_id, int64_t account_id) {
  c.execute(
      "INSERT INTO announcement_reads (announcement_id, account_id) VALUES (?, ?)"
      " ON CONFLICT (announcement_id, account_id) DO NOTHING",
      {announcement_id, account_id});
}

std::vector<model::AnnouncementReaction> reactions(Connection& c, int64_t announcement_id, int64_t viewer) {
  std::vector<model::AnnouncementReaction> out;
  for (const auto& r : c.query(
           "SELECT name, COUNT(*), SUM(CASE WHEN account_id = ? THEN 1 ELSE 0 END) FROM announcement_reactions"
           " WHERE announcement_id = ? GROUP BY name ORDER BY MIN(created_at), name",
           {viewer, announcement_id})) {
    model::AnnouncementReaction reaction;
    reaction.name = r.text(0);
    reaction.count = r.int64(1);
    reaction.me = r.int64(2) > 0;
    out.push_back(std::move(reaction));
  }
  return out;
}

bool has_reaction(Connection& c, int64_t announcement_id, int64_t account_id, const std::string& name) {
  return c.query_one("SELECT 1 FROM announcement_reactions WHERE announcement_id = ? AND account_id = ? AND name = ?",
                     {announcement_id, account_id, name})
      .has_value();
}

int64_t distinct_reaction_names(Connection& c, int64_t announcement_id) {
  return c.query_one("SELECT COUNT(DISTINCT name) FROM announcement_reactions WHERE announcement_id = ?",
                     {announcement_id})
      ->int64(0);
}

bool reaction_name_used(Connection& c, int64_t announcement_id, const std::string& name) {
  return c.query_one("SELECT 1 FROM announcement_reactions WHERE announcement_id = ? AND name = ?",
                     {announcement_id, name})
      .has_value();
}

void add_reaction(Connection& c, int64_t announcement_id, int64_t account_id, const std::string& name, int64_t now) {
  c.execute("INSERT INTO announcement_reactions (announcement_id, account_id, name, created_at) VALUES (?, ?, ?, ?)",
            {announcement_id, account_id, name, now});
}

bool remove_reaction(Connection& c, int64_t announcement_id, int64_t account_id, const std::string& name) {
  return c.execute("DELETE FROM announcement_reactions WHERE announcement_id = ? AND account_id = ? AND name = ?",
                   {announcement_id, account_id, name}) > 0;
}

}  // namespace agora::store::announcements
