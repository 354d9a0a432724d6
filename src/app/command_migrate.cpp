// agora migrate: applies pending schema migrations (serve also does at start).
#include <cstdio>

#include "app/cli.h"
#include "store/migrations.h"

namespace agora::app {

int command_migrate(const Args& args) {
  if (!args.positional.empty()) throw UsageError("migrate takes no arguments");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  auto conn = rt.db->acquire();
  if (store::pending_migrations(*conn).empty()) std::printf("Database is up to date.\n");
  return 0;
}

}  // namespace agora::app
