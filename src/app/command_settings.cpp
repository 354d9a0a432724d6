// agora settings [get KEY | set KEY VALUE | list]: the instance's settings
// (title, registration mode, …) from the command line.
#include <cstdio>

#include "app/cli.h"
#include "core/errors.h"
#include "services/instance.h"
#include "store/settings.h"

namespace agora::app {

int command_settings(const Args& args) {
  const auto& p = args.positional;
  if (p.empty() || (p[0] != "list" && p[0] != "get" && p[0] != "set") || (p[0] == "get" && p.size() != 2) ||
      (p[0] == "set" && p.size() != 3) || (p[0] == "list" && p.size() != 1))
    throw UsageError("usage: agora settings list | get KEY | set KEY VALUE");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  if (p[0] == "set") {
    try {
      services::change_setting(ctx, p[1], p[2]);
    } catch (const Error& e) {
      std::fprintf(stderr, "Failure/Error: %s\n", e.message().c_str());
      return 1;
    }
    std::printf("OK\n");
    return 0;
  }
  auto conn = rt.db->acquire();
  auto stored = store::settings::load_all(*conn);
  for (const auto& spec : services::changeable_settings()) {
    auto it = stored.find(spec.key);
    if (p[0] == "get" && p[1] != spec.key) continue;
    std::printf(p[0] == "get" ? "%s%s\n" : "%-30s %s\n", p[0] == "get" ? "" : spec.key,
                it == stored.end() ? "" : it->second.c_str());
    if (p[0] == "get") return 0;
  }
  if (p[0] == "get") {
    std::fprintf(stderr, "Failure/Error: Unknown setting: %s\n", p[1].c_str());
    return 1;
  }
  return 0;
}

}  // namespace agora::app
