// agora rules add TEXT [--hint H] | list | remove ID: the instance's rules,
// shown at sign-up and in GET /api/v1/instance/rules.
#include <cstdio>

#include "app/cli.h"
#include "services/instance_extras.h"

namespace agora::app {

int command_rules(const Args& args) {
  const auto& p = args.positional;
  bool ok = !p.empty() && ((p[0] == "add" && p.size() == 2) || (p[0] == "list" && p.size() == 1) ||
                           (p[0] == "remove" && p.size() == 2));
  if (!ok) throw UsageError("usage: agora rules add TEXT [--hint HINT] | list | remove ID");
  if (p[0] != "add" && args.get("--hint")) throw UsageError("--hint goes with rules add");
  int64_t id = p[0] == "remove" ? id_argument(p[1]) : 0;
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  if (p[0] == "list") {
    for (const auto& r : services::instance_rules(ctx))
      std::printf("%lld\t%s\t%s\n", static_cast<long long>(r.id), r.text.c_str(), r.hint.c_str());
    return 0;
  }
  return report_failure([&] {
    if (p[0] == "add") {
      auto rule = services::add_rule(ctx, p[1], args.get("--hint").value_or(""));
      std::printf("%lld\n", static_cast<long long>(rule.id));
    } else {
      services::remove_rule(ctx, id);
      std::printf("OK\n");
    }
  });
}

}  // namespace agora::app
