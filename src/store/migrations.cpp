#include "store/migrations.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/time.h"

namespace agora::store {

namespace {

struct Migration {
  std::string version;
  std::string sql;
};

// The migrations for this dialect, keyed and ordered by version.
std::map<std::string, std::string> migrations_for(Dialect dialect) {
  const char* own = dialect == Dialect::sqlite ? ".sqlite.sql" : ".postgres.sql";
  const char* other = dialect == Dialect::sqlite ? ".postgres.sql" : ".sqlite.sql";
  std::map<std::string, std::string> out;
  for (const auto& m : embedded_migrations()) {
    std::string_view name = m.file_name;
    if (name.ends_with(other)) continue;
    std::string version(name.substr(0, name.find('_')));
    std::string& sql = out[version];
    if (!sql.empty() && !name.ends_with(own)) continue;
    sql = m.sql;
  }
  return out;
}

void ensure_version_table(Connection& c) {
  c.exec_script("CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)");
}

std::set<std::string> applied_versions(Connection& c) {
  std::set<std::string> out;
  for (const auto& row : c.query("SELECT version FROM schema_migrations")) out.insert(row.text(0));
  return out;
}

}  // namespace

std::vector<std::string> pending_migrations(Connection& c) {
  ensure_version_table(c);
  auto applied = applied_versions(c);
  std::vector<std::string> out;
  for (const auto& [version, sql] : migrations_for(c.dialect()))
    if (!applied.contains(version)) out.push_back(version);
  return out;
}

std::vector<std::string> migrate(Connection& c) {
  ensure_version_table(c);
  // One migrating process at a time: an advisory lock on PostgreSQL; on
  // SQLite each migration's BEGIN IMMEDIATE serialises writers.
  constexpr int64_t kLockKey = 0x61676f7261;  // "agora"
  if (c.dialect() == Dialect::postgres) c.query("SELECT pg_advisory_lock(?)", {kLockKey});
  std::vector<std::string> done;
  try {
    for (const auto& [version, sql] : migrations_for(c.dialect())) {
      in_transaction(c, [&] {
        // Re-checked inside the transaction: another process may have won.
        if (c.query_one("SELECT 1 FROM schema_migrations WHERE version = ?", {version})) return;
        c.exec_script(sql);
        c.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", {version, now_ms()});
        done.push_back(version);
      });
    }
  } catch (...) {
    if (c.dialect() == Dialect::postgres) c.query("SELECT pg_advisory_unlock(?)", {kLockKey});
    throw;
  }
  if (c.dialect() == Dialect::postgres) c.query("SELECT pg_advisory_unlock(?)", {kLockKey});
  return done;
}

}  // namespace agora::store
