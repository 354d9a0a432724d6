#include "store/snapshots.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "store/migrations.h"

namespace agora::store::snapshots {

namespace {

struct SqliteHandle {
  sqlite3* db = nullptr;
  ~SqliteHandle() { sqlite3_close(db); }
};

void open(SqliteHandle& h, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &h.db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
    throw DatabaseError(fmt::format("cannot open SQLite database {}: {}", path,
                                    h.db ? sqlite3_errmsg(h.db) : "out of memory"));
  sqlite3_busy_timeout(h.db, 10000);
}

[[noreturn]] void fail(int code, sqlite3* db, const std::string& what) {
  if ((code & 0xff) == SQLITE_FULL) throw DatabaseError(what + ": no space left on the device");
  throw DatabaseError(fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(code)));
}

void exec(sqlite3* db, const char* sql, const std::string& what) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) fail(rc, db, what);
}

}  // namespace

void copy_sqlite(const std::string& source, const std::string& destination) {
  if (std::filesystem::exists(destination)) throw DatabaseError("will not write over " + destination);
  SqliteHandle from, to;
  open(from, source, SQLITE_OPEN_READWRITE);  // read-write: WAL readers need the -shm file
  open(to, destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE);
  sqlite3_backup* backup = sqlite3_backup_init(to.db, "main", from.db, "main");
  if (!backup) fail(sqlite3_errcode(to.db), to.db, "cannot start the SQLite backup");
  // All pages in one step: one read transaction on the source, so the copy is one consistent moment.
  int rc;
  while ((rc = sqlite3_backup_step(backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) fail(rc, nullptr, "SQLite backup failed");
  if (finished != SQLITE_OK) fail(finished, to.db, "SQLite backup failed");
  // The copy stands alone: no write-ahead log beside it.
  exec(to.db, "PRAGMA journal_mode=DELETE", "cannot finish the SQLite copy");
  sqlite3_stmt* check = nullptr;
  if (sqlite3_prepare_v2(to.db, "PRAGMA quick_check", -1, &check, nullptr) != SQLITE_OK)
    fail(sqlite3_errcode(to.db), to.db, "cannot check the SQLite copy");
  std::string verdict;
  if (sqlite3_step(check) == SQLITE_ROW) verdict = reinterpret_cast<const char*>(sqlite3_column_text(check, 0));
  sqlite3_finalize(check);
  if (verdict != "ok") throw DatabaseError("the SQLite copy is damaged: " + verdict);
}

bool is_empty(Connection& c) {
  if (c.dialect() == Dialect::sqlite)
    return !c.query_one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1");
  return !c.query_one(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() LIMIT 1");
}

std::string schema_level(Connection& c) {
  bool has_table =
      c.dialect() == Dialect::sqlite
          ? c.query_one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").has_value()
          : c.query_one("SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
                        "AND table_name = 'schema_migrations'")
                .has_value();
  if (!has_table) return "";
  auto row = c.query_one("SELECT MAX(version) FROM schema_migrations");
  return row ? row->text(0) : "";
}

std::string known_schema_level() {
  std::string newest;
  for (const auto& m : embedded_migrations()) {
    std::string_view name = m.file_name;
    std::string version(name.substr(0, name.find('_')));
    if (version > newest) newest = version;
  }
  return newest;
}

std::map<std::string, std::string> postgres_environment(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    // libpq's message may quote the URL, which may hold a password: it is not repeated.
    PQfreemem(error);
    throw DatabaseError("the PostgreSQL URL cannot be parsed");
  }
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> guard(options, PQconninfoFree);
  std::map<std::string, std::string> env;
  for (PQconninfoOption* o = options; o->keyword; ++o)
    if (o->val && *o->val && o->envvar) env[o->envvar] = o->val;
  return env;
}

}  // namespace agora::store::snapshots
