// agora cache clear: drops every local copy of other servers' files (remote
// attachments, avatars and headers), as tootctl cache clear empties Mastodon's
// cache store. agora keeps no other cache: everything else in the database is
// data, not a copy. `agora media refresh` downloads the files again.
#include <cstdio>

#include "app/cli.h"
#include "services/media_refresh.h"

namespace agora::app {

int command_cache(const Args& args) {
  if (args.positional.size() != 1 || args.positional[0] != "clear") throw UsageError("usage: agora cache clear");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  auto cleared = services::media_cache::clear_cache(ctx);
  std::printf("Removed %lld media attachments and %lld profile images\nOK\n",
              static_cast<long long>(cleared.attachments.count), static_cast<long long>(cleared.profile_images));
  return 0;
}

}  // namespace agora::app
