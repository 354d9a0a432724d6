#include "store/canonical_email_blocks.h"

#include "store/statement.h"

namespace agora::store::canonical_email_blocks {

namespace {
constexpr const char* kColumns = "SELECT id, canonical_email_hash FROM canonical_email_blocks";
Block block_from(const Row& r) { return {r.int64(0), r.text(1)}; }
}  // namespace

std::vector<Block> list(Connection& c, const model::PageRequest& page) {
  Statement s(std::string(kColumns) + " WHERE 1 = 1");
  s.add_page("id", page);
  std::vector<Block> out;
  for (const auto& r : s.query(c)) out.push_back(block_from(r));
  return out;
}

std::optional<Block> find(Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kColumns) + " WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return block_from(*row);
}

std::vector<Block> matching(Connection& c, const std::string& hash) {
  std::vector<Block> out;
  for (const auto& r : c.query(std::string(kColumns) + " WHERE canonical_email_hash = ?", {hash}))
    out.push_back(block_from(r));
  return out;
}

void insert(Connection& c, const Block& b, int64_t now_ms) {
  c.execute("INSERT INTO canonical_email_blocks (id, canonical_email_hash, created_at, updated_at) VALUES (?, ?, ?, ?)",
            {b.id, b.canonical_email_hash, now_ms, now_ms});
}

void remove(Connection& c, int64_t id) { c.execute("DELETE FROM canonical_email_blocks WHERE id = ?", {id}); }

}  // namespace agora::store::canonical_email_blocks
