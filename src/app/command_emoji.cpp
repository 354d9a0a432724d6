// agora emoji add SHORTCODE FILE [--category C] | list | remove SHORTCODE |
// import ARCHIVE.tar.gz [--prefix P] [--suffix S] [--overwrite] [--category C] [--unlisted]:
// the instance's custom emoji (PNG, GIF or WebP images up to 256 KB).
#include <cstdio>
#include <fstream>
#include <sstream>

#include "app/cli.h"
#include "media/tar_reader.h"
#include "services/custom_emojis.h"
#include "services/emoji_import.h"
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

constexpr const char* kUsage =
    "usage: agora emoji add SHORTCODE FILE [--category C] | list | remove SHORTCODE"
    " | import ARCHIVE.tar.gz [--prefix P] [--suffix S] [--overwrite] [--category C] [--unlisted]";

// tootctl emoji import: prints each ignored or failed entry, then the counts.
int import(services::Context& ctx, const Args& args) {
  services::emoji_import::Options options{args.get("--prefix").value_or(""), args.get("--suffix").value_or(""),
                                          args.get("--category").value_or(""), args.flag("--overwrite"),
                                          args.flag("--unlisted")};
  services::emoji_import::Report report;
  try {
    report = services::emoji_import::import_archive(ctx, args.positional[1], options,
                                                    [](const std::string& line) { std::printf("%s\n", line.c_str()); });
  } catch (const media::TarError& e) {
    std::fprintf(stderr, "Failure/Error: %s\n", e.what());
    return 1;
  }
  std::printf("Imported %lld, skipped %lld, failed to import %lld\n", static_cast<long long>(report.imported),
              static_cast<long long>(report.skipped), static_cast<long long>(report.failed));
  return 0;
}

}  // namespace

int command_emoji(const Args& args) {
  const auto& p = args.positional;
  bool ok = !p.empty() && ((p[0] == "add" && p.size() == 3) || (p[0] == "list" && p.size() == 1) ||
                           (p[0] == "remove" && p.size() == 2) || (p[0] == "import" && p.size() == 2));
  if (!ok) throw UsageError(kUsage);
  if (p[0] != "add" && p[0] != "import" && args.get("--category"))
    throw UsageError("--category goes with emoji add or emoji import");
  bool import_options = args.get("--prefix") || args.get("--suffix") || args.flag("--overwrite") ||
                        args.flag("--unlisted");
  if (p[0] != "import" && import_options)
    throw UsageError("--prefix, --suffix, --overwrite and --unlisted go with emoji import");
  Runtime rt = start_runtime(args.get("--config"), RuntimeFor::command);
  services::Context ctx{rt.config, *rt.db};
  if (p[0] == "import") return import(ctx, args);
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
