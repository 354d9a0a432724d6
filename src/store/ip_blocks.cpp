#include "store/ip_blocks.h"

#include "store/statement.h"

namespace agora::store::ip_blocks {

namespace {

constexpr const char* kColumns = "SELECT id, ip, severity, comment, expires_at, created_at FROM ip_blocks";

model::IpBlock block_from(const Row& r) {
  return {r.int64(0), r.text(1), r.text(2), r.text(3), r.opt_int64(4), r.int64(5)};
}

SqlValue expiry(const model::IpBlock& b) { return b.expires_at ? SqlValue(*b.expires_at) : SqlValue(SqlNull{}); }

}  // namespace

std::vector<model::IpBlock> list(Connection& c, const model::PageRequest& page) {
  Statement s(std::string(kColumns) + " WHERE 1 = 1");
  s.add_page("id", page);
  std::vector<model::IpBlock> out;
  for (const auto& r : s.query(c)) out.push_back(block_from(r));
  return out;
}

std::optional<model::IpBlock> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kColumns) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return block_from(*row);
}

bool ip_taken(Connection& c, const std::string& ip, int64_t except_id) {
  return c.query_one("SELECT 1 FROM ip_blocks WHERE ip = ? AND id <> ?", {ip, except_id}).has_value();
}

void insert(Connection& c, const model::IpBlock& b) {
  c.execute("INSERT INTO ip_blocks (id, ip, severity, comment, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            {b.id, b.ip, b.severity, b.comment, expiry(b), b.created_at});
}

void update(Connection& c, const model::IpBlock& b) {
  c.execute("UPDATE ip_blocks SET ip = ?, severity = ?, comment = ?, expires_at = ? WHERE id = ?",
            {b.ip, b.severity, b.comment, expiry(b), b.id});
}

void remove(Connection& c, int64_t id) { c.execute("DELETE FROM ip_blocks WHERE id = ?", {id}); }

std::vector<model::IpBlock> active_with_severity(Connection& c, const std::string& severity, int64_t now_ms) {
  std::vector<model::IpBlock> out;
  for (const auto& r : c.query(std::string(kColumns) + " WHERE severity = ? AND (expires_at IS NULL OR expires_at > ?)",
                               {severity, now_ms}))
    out.push_back(block_from(r));
  return out;
}

}  // namespace agora::store::ip_blocks
