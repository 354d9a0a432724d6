// What backups need from the databases themselves: a consistent copy of a
// live SQLite file (SQLite's online backup API), whether a database is still
// empty, the schema level it is at, and libpq's environment for pg_dump.
#pragma once
#include <map>
#include <string>

#include "store/database.h"

namespace agora::store::snapshots {

// Copies the SQLite database at `source` into a new file `destination` as one
// consistent snapshot while other connections go on writing (WAL readers do
// not block writers). The copy is a single self-contained file (no -wal) and
// passes SQLite's quick_check. Throws DatabaseError; a full disk says so.
void copy_sqlite(const std::string& source, const std::string& destination);

// True when the database has no tables of its own yet (a fresh database).
bool is_empty(Connection& c);
// The newest applied schema migration ("0020"), "" when none is.
std::string schema_level(Connection& c);
// The newest schema migration this binary knows.
std::string known_schema_level();

// The PG* environment variables (PGHOST, PGPORT, PGUSER, PGPASSWORD,
// PGDATABASE, PGSSLMODE, …) that say what a postgres:// URL says, so that
// pg_dump and pg_restore connect without a password on their command line.
// Throws DatabaseError for a malformed URL.
std::map<std::string, std::string> postgres_environment(const std::string& url);

}  // namespace agora::store::snapshots
