#include "store/filters.h"

#include <boost/json.hpp>
#include <map>

namespace agora::store::filters {

namespace {

std::string context_text(const std::vector<std::string>& context) {
  boost::json::array a;
  for (const auto& s : context) a.emplace_back(s);
  return boost::json::serialize(a);
}

std::vector<std::string> context_from(const std::string& text) {
  std::error_code ec;
  auto v = boost::json::parse(text, ec);
  std::vector<std::string> out;
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array())
    if (item.is_string()) out.emplace_back(item.as_string());
  return out;
}

SqlValue optional_value(const std::optional<int64_t>& v) { return v ? SqlValue(*v) : SqlValue(SqlNull{}); }

// Columns: filters' 0..5 (id, account_id, title, context, action, expires_at).
constexpr const char* kFilterColumns = "f.id, f.account_id, f.title, f.context, f.action, f.expires_at";

model::Filter filter_from(const Row& r) {
  model::Filter f;
  f.id = r.int64(0);
  f.account_id = r.int64(1);
  f.title = r.text(2);
  f.context = context_from(r.text(3));
  f.action = r.text(4);
  f.expires_at = r.opt_int64(5);
  return f;
}

// Filters (in the order of `rows`) with the keywords of the following
// LEFT JOIN columns 6..8 and then their statuses.
std::vector<model::Filter> filters_with_rules(const std::vector<Row>& rows, const std::vector<Row>& status_rows) {
  std::vector<model::Filter> out;
  std::map<int64_t, size_t> index;
  for (const auto& r : rows) {
    int64_t id = r.int64(0);
    auto [it, added] = index.emplace(id, out.size());
    if (added) out.push_back(filter_from(r));
    if (!r.is_null(6)) out[it->second].keywords.push_back({r.int64(6), r.text(7), r.boolean(8)});
  }
  for (const auto& r : status_rows) {
    auto it = index.find(r.int64(0));
    if (it != index.end()) out[it->second].statuses.push_back({r.int64(1), r.int64(2)});
  }
  return out;
}

constexpr const char* kWithKeywords =
    ", k.id, k.keyword, k.whole_word FROM filters f LEFT JOIN filter_keywords k ON k.filter_id = f.id";
constexpr const char* kStatusRules =
    "SELECT s.filter_id, s.id, s.status_id FROM filter_statuses s JOIN filters f ON f.id = s.filter_id";

}  // namespace

void insert(Connection& c, const model::Filter& f, int64_t now_ms) {
  c.execute("INSERT INTO filters (id, account_id, title, context, action, expires_at, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            {f.id, f.account_id, f.title, context_text(f.context), f.action, optional_value(f.expires_at), now_ms,
             now_ms});
}

void update(Connection& c, const model::Filter& f, int64_t now_ms) {
  c.execute("UPDATE filters SET title = ?, context = ?, action = ?, expires_at = ?, updated_at = ? WHERE id = ?",
            {f.title, context_text(f.context), f.action, optional_value(f.expires_at), now_ms, f.id});
}

bool remove(Connection& c, int64_t owner_id, int64_t filter_id) {
  return c.execute("DELETE FROM filters WHERE id = ? AND account_id = ?", {filter_id, owner_id}) > 0;
}

std::optional<model::Filter> find(Connection& c, int64_t owner_id, int64_t filter_id) {
  auto rows = c.query(std::string("SELECT ") + kFilterColumns + kWithKeywords +
                          " WHERE f.id = ? AND f.account_id = ? ORDER BY k.id",
                      {filter_id, owner_id});
  if (rows.empty()) return std::nullopt;
  auto statuses = c.query(std::string(kStatusRules) + " WHERE f.id = ? ORDER BY s.id", {filter_id});
  return filters_with_rules(rows, statuses).front();
}

std::vector<model::Filter> owned_by(Connection& c, int64_t owner_id) {
  auto rows = c.query(std::string("SELECT ") + kFilterColumns + kWithKeywords +
                          " WHERE f.account_id = ? ORDER BY f.id, k.id",
                      {owner_id});
  if (rows.empty()) return {};
  auto statuses = c.query(std::string(kStatusRules) + " WHERE f.account_id = ? ORDER BY s.id", {owner_id});
  return filters_with_rules(rows, statuses);
}

std::vector<model::Filter> active_for(Connection& c, int64_t owner_id, int64_t now_ms) {
  const char* active = " WHERE f.account_id = ? AND (f.expires_at IS NULL OR f.expires_at > ?)";
  auto rows = c.query(std::string("SELECT ") + kFilterColumns + kWithKeywords + active + " ORDER BY f.id, k.id",
                      {owner_id, now_ms});
  if (rows.empty()) return {};
  auto statuses = c.query(std::string(kStatusRules) + active + " ORDER BY s.id", {owner_id, now_ms});
  return filters_with_rules(rows, statuses);
}

void insert_keyword(Connection& c, int64_t filter_id, const model::FilterKeyword& k, int64_t now_ms) {
  c.execute("INSERT INTO filter_keywords (id, filter_id, keyword, whole_word, created_at) VALUES (?, ?, ?, ?, ?)",
            {k.id, filter_id, k.keyword, k.whole_word, now_ms});
}

void update_keyword(Connection& c, const model::FilterKeyword& k) {
  c.execute("UPDATE filter_keywords SET keyword = ?, whole_word = ? WHERE id = ?", {k.keyword, k.whole_word, k.id});
}

bool remove_keyword(Connection& c, int64_t keyword_id) {
  return c.execute("DELETE FROM filter_keywords WHERE id = ?", {keyword_id}) > 0;
}

std::optional<OwnedKeyword> find_keyword(Connection& c, int64_t owner_id, int64_t keyword_id) {
  auto r = c.query_one("SELECT k.filter_id, k.id, k.keyword, k.whole_word FROM filter_keywords k"
                       " JOIN filters f ON f.id = k.filter_id WHERE k.id = ? AND f.account_id = ?",
                       {keyword_id, owner_id});
  if (!r) return std::nullopt;
  return OwnedKeyword{r->int64(0), {r->int64(1), r->text(2), r->boolean(3)}};
}

std::vector<OwnedKeyword> keywords_of(Connection& c, int64_t owner_id) {
  std::vector<OwnedKeyword> out;
  for (const auto& r : c.query("SELECT k.filter_id, k.id, k.keyword, k.whole_word FROM filter_keywords k"
                               " JOIN filters f ON f.id = k.filter_id WHERE f.account_id = ? ORDER BY k.id",
                               {owner_id}))
    out.push_back({r.int64(0), {r.int64(1), r.text(2), r.boolean(3)}});
  return out;
}

int64_t keyword_count(Connection& c, int64_t filter_id) {
  return c.query_one("SELECT COUNT(*) FROM filter_keywords WHERE filter_id = ?", {filter_id})->int64(0);
}

bool insert_status(Connection& c, int64_t filter_id, const model::FilterStatus& s, int64_t now_ms) {
  if (c.query_one("SELECT 1 FROM filter_statuses WHERE filter_id = ? AND status_id = ?", {filter_id, s.status_id}))
    return false;
  c.execute("INSERT INTO filter_statuses (id, filter_id, status_id, created_at) VALUES (?, ?, ?, ?)",
            {s.id, filter_id, s.status_id, now_ms});
  return true;
}

bool remove_status(Connection& c, int64_t status_rule_id) {
  return c.execute("DELETE FROM filter_statuses WHERE id = ?", {status_rule_id}) > 0;
}

std::optional<OwnedStatus> find_status(Connection& c, int64_t owner_id, int64_t status_rule_id) {
  auto r = c.query_one("SELECT s.filter_id, s.id, s.status_id FROM filter_statuses s"
                       " JOIN filters f ON f.id = s.filter_id WHERE s.id = ? AND f.account_id = ?",
                       {status_rule_id, owner_id});
  if (!r) return std::nullopt;
  return OwnedStatus{r->int64(0), {r->int64(1), r->int64(2)}};
}

bool status_exists(Connection& c, int64_t status_id) {
  return c.query_one("SELECT 1 FROM statuses WHERE id = ?", {status_id}).has_value();
}

}  // namespace agora::store::filters
