// Versioned schema migrations. Each file in src/store/migrations is embedded
// into the binary; "NNNN_name.sql" applies to both databases, and
// "NNNN_name.sqlite.sql" / "NNNN_name.postgres.sql" to one only.
#pragma once
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store {

struct EmbeddedMigration {
  const char* file_name;
  const char* sql;
};
const std::vector<EmbeddedMigration>& embedded_migrations();

// Versions ("0001") not yet applied to this database, in order.
std::vector<std::string> pending_migrations(Connection& c);
// Applies every pending migration, each in its own transaction; returns the
// versions applied. Safe when several processes start at once.
std::vector<std::string> migrate(Connection& c);

}  // namespace agora::store
