// agora maintenance fix-counters: recomputes the counters accounts and
// statuses keep (statuses, followers, following; replies, boosts,
// favourites) from the rows they count and prints each one that changed.
#include <cstdio>

#include "app/cli.h"
#include "store/maintenance.h"

namespace agora::app {

int command_maintenance(const Args& args) {
  if (args.positional.size() != 1 || args.positional[0] != "fix-counters")
    throw UsageError("usage: agora maintenance fix-counters");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  auto conn = rt.db->acquire();
  auto fixes = store::in_transaction(*conn, [&] { return store::maintenance::fix_counters(*conn); });
  for (const auto& f : fixes)
    std::printf("%s %lld %s: %lld -> %lld\n", f.table.c_str(), static_cast<long long>(f.id), f.column.c_str(),
                static_cast<long long>(f.was), static_cast<long long>(f.now));
  std::printf("Fixed %zu counters\n", fixes.size());
  return 0;
}

}  // namespace agora::app
