// agora announcements add TEXT [--starts-at ISO] [--ends-at ISO] [--all-day]
// | list | remove ID: announcements to every member, published at once.
#include <cstdio>

#include "app/cli.h"
#include "core/time.h"
#include "services/announcements.h"

namespace agora::app {

namespace {

std::optional<int64_t> time_option(const Args& args, const std::string& name) {
  auto text = args.get(name);
  if (!text) return std::nullopt;
  auto ms = parse_iso8601(*text);
  if (!ms) throw UsageError(name + " needs an ISO 8601 time such as 2024-05-01T12:00:00Z");
  return ms;
}

}  // namespace

int command_announcements(const Args& args) {
  const auto& p = args.positional;
  bool ok = !p.empty() && ((p[0] == "add" && p.size() == 2) || (p[0] == "list" && p.size() == 1) ||
                           (p[0] == "remove" && p.size() == 2));
  if (!ok)
    throw UsageError(
        "usage: agora announcements add TEXT [--starts-at ISO] [--ends-at ISO] [--all-day] | list | remove ID");
  services::announcements::NewAnnouncement n{p.size() > 1 ? p[1] : "", time_option(args, "--starts-at"),
                                             time_option(args, "--ends-at"), args.flag("--all-day")};
  int64_t id = p[0] == "remove" ? id_argument(p[1]) : 0;
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  if (p[0] == "list") {
    for (const auto& a : services::announcements::all(ctx))
      std::printf("%lld\t%s\t%s\n", static_cast<long long>(a.id), a.published ? "published" : "draft",
                  a.text.c_str());
    return 0;
  }
  return report_failure([&] {
    if (p[0] == "add") {
      std::printf("%lld\n", static_cast<long long>(services::announcements::publish(ctx, n).id));
    } else {
      services::announcements::remove(ctx, id);
      std::printf("OK\n");
    }
  });
}

}  // namespace agora::app
