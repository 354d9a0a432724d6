#include "store/admin_domains.h"

#include "store/statement.h"

namespace agora::store::admin_domains {

namespace {

constexpr const char* kBlockColumns =
    "SELECT id, domain, severity, reject_media, reject_reports, private_comment, public_comment, obfuscate,"
    " created_at FROM domain_blocks";

model::DomainBlock block_from(const Row& r) {
  model::DomainBlock b;
  b.id = r.int64(0);
  b.domain = r.text(1);
  b.severity = r.text(2);
  b.reject_media = r.boolean(3);
  b.reject_reports = r.boolean(4);
  b.private_comment = r.opt_text(5);
  b.public_comment = r.opt_text(6);
  b.obfuscate = r.boolean(7);
  b.created_at = r.int64(8);
  return b;
}

SqlValue nullable(const std::optional<std::string>& s) { return s ? SqlValue(*s) : SqlValue(SqlNull{}); }

const char* table(Entries which) {
  return which == Entries::domain_allows ? "domain_allows" : "email_domain_blocks";
}

model::DomainEntry entry_from(const Row& r) { return {r.int64(0), r.text(1), r.int64(2)}; }

}  // namespace

std::vector<model::DomainBlock> list_blocks(Connection& c, const model::PageRequest& page) {
  Statement s(std::string(kBlockColumns) + " WHERE 1 = 1");
  s.add_page("id", page);
  std::vector<model::DomainBlock> out;
  for (const auto& r : s.query(c)) out.push_back(block_from(r));
  return out;
}

std::optional<model::DomainBlock> find_block(Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kBlockColumns) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return block_from(*row);
}

std::optional<model::DomainBlock> block_rule_for(Connection& c, const std::string& domain) {
  std::vector<std::string> candidates{domain};
  for (size_t dot = domain.find('.'); dot != std::string::npos; dot = domain.find('.', dot + 1))
    candidates.push_back(domain.substr(dot + 1));
  Statement s(std::string(kBlockColumns) + " WHERE lower(domain) IN ");
  s.add_text_list(candidates);
  s.add(" ORDER BY length(domain) DESC LIMIT 1");
  auto rows = s.query(c);
  if (rows.empty()) return std::nullopt;
  return block_from(rows.front());
}

void insert_block(Connection& c, const model::DomainBlock& b, int64_t now_ms) {
  c.execute("INSERT INTO domain_blocks (id, domain, severity, reject_media, reject_reports, private_comment,"
            " public_comment, obfuscate, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {b.id, b.domain, b.severity, b.reject_media, b.reject_reports, nullable(b.private_comment),
             nullable(b.public_comment), b.obfuscate, now_ms, now_ms});
}

void update_block(Connection& c, const model::DomainBlock& b, int64_t now_ms) {
  c.execute("UPDATE domain_blocks SET severity = ?, reject_media = ?, reject_reports = ?, private_comment = ?,"
            " public_comment = ?, obfuscate = ?, updated_at = ? WHERE id = ?",
            {b.severity, b.reject_media, b.reject_reports, nullable(b.private_comment), nullable(b.public_comment),
             b.obfuscate, now_ms, b.id});
}

void delete_block(Connection& c, int64_t id) { c.execute("DELETE FROM domain_blocks WHERE id = ?", {id}); }

std::vector<model::DomainEntry> list_entries(Connection& c, Entries which, const model::PageRequest& page) {
  Statement s(std::string("SELECT id, domain, created_at FROM ") + table(which) + " WHERE 1 = 1");
  s.add_page("id", page);
  std::vector<model::DomainEntry> out;
  for (const auto& r : s.query(c)) out.push_back(entry_from(r));
  return out;
}

std::optional<model::DomainEntry> find_entry(Connection& c, Entries which, int64_t id) {
  auto row = c.query_one(std::string("SELECT id, domain, created_at FROM ") + table(which) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return entry_from(*row);
}

std::optional<model::DomainEntry> find_entry_by_domain(Connection& c, Entries which, const std::string& domain) {
  auto row = c.query_one(
      std::string("SELECT id, domain, created_at FROM ") + table(which) + " WHERE lower(domain) = lower(?)", {domain});
  if (!row) return std::nullopt;
  return entry_from(*row);
}

void insert_entry(Connection& c, Entries which, const model::DomainEntry& e) {
  c.execute(std::string("INSERT INTO ") + table(which) + " (id, domain, created_at) VALUES (?, ?, ?)",
            {e.id, e.domain, e.created_at});
}

void delete_entry(Connection& c, Entries which, int64_t id) {
  c.execute(std::string("DELETE FROM ") + table(which) + " WHERE id = ?", {id});
}

}  // namespace agora::store::admin_domains
