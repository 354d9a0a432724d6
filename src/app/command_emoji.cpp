// agora emoji add SHORTCODE FILE [--category C] | list | remove SHORTCODE:
// the instance's custom emoji (PNG, GIF or WebP images up to 256 KB).
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/cli.h"
#include "services/custom_emojis.h"
#include "store/custom_emojis.h"

namespace agora::app {

namespace {

// At most one byte past the limit is read: enough to refuse a larger file.
std::optional<std::string> read_image(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes(services::custom_emojis::kMaxImageBytes + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return bytes;
}

}  // namespace

int command_emoji(const Args& args) {
  const auto& p = args.positional;
  bool ok = !p.empty() && ((p[0] == "add" && p.size() == 3) || (p[0] == "list" && p.size() == 1) ||
                           (p[0] == "remove" && p.size() == 2));
  if (!ok) throw UsageError("usage: agora emoji add SHORTCODE FILE [--category C] | list | remove SHORTCODE");
  if (p[0] != "add" && args.get("--category")) throw UsageError("--category goes with emoji add");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  if (p[0] == "list") {
    auto conn = rt.db->acquire();
    for (const auto& e : store::custom_emojis::all_local(*conn))
      std::printf("%s\t%s\t%s\n", e.emoji.shortcode.c_str(), e.emoji.category.c_str(),
                  e.disabled ? "disabled" : "enabled");
    return 0;
  }
  if (p[0] == "add") {
    auto bytes = read_image(p[2]);
    if (!bytes) {
      std::fprintf(stderr, "Failure/Error: cannot read %s\n", p[2].c_str());
      return 1;
    }
    return report_failure([&] {
      services::custom_emojis::add(ctx, p[1], *bytes, args.get("--category").value_or(""));
      std::printf("OK\n");
    });
  }
  return report_failure([&] {
    services::custom_emojis::remove(ctx, p[1]);
    std::printf("OK\n");
  });
}

}  // namespace agora::app
