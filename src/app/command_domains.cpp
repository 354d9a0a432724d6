// agora domains purge DOMAIN…: forget remote domains entirely, as tootctl
// domains purge. Each domain is checked before any is purged.
#include <cstdio>

#include "app/cli.h"
#include "services/domain_purge.h"

namespace agora::app {

int command_domains(const Args& args) {
  const auto& p = args.positional;
  if (p.size() < 2 || p[0] != "purge") throw UsageError("usage: agora domains purge DOMAIN…");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  return report_failure([&] {
    for (size_t i = 1; i < p.size(); ++i) services::check_purgeable(ctx, p[i]);
    for (size_t i = 1; i < p.size(); ++i) {
      auto purged = services::purge_domain(ctx, p[i]);
      std::printf("Purged %s: %lld accounts, %lld statuses, %lld media attachments, %lld custom emoji\n", p[i].c_str(),
                  static_cast<long long>(purged.accounts), static_cast<long long>(purged.statuses),
                  static_cast<long long>(purged.media), static_cast<long long>(purged.emojis));
    }
  });
}

}  // namespace agora::app
