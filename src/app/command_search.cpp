// agora search reindex: rebuilds the full-text index of statuses search uses
// (SQLite's FTS5 table from the statuses, PostgreSQL's GIN index), as
// tootctl search deploy does for Elasticsearch.
#include <cstdio>

#include "app/cli.h"
#include "store/maintenance.h"

namespace agora::app {

int command_search(const Args& args) {
  if (args.positional.size() != 1 || args.positional[0] != "reindex") throw UsageError("usage: agora search reindex");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  auto conn = rt.db->acquire();
  store::in_transaction(*conn, [&] { store::maintenance::rebuild_search_index(*conn); });
  std::printf("OK\n");
  return 0;
}

}  // namespace agora::app
