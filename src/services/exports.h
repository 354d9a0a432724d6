// A member's data as Mastodon's CSV exports (Settings → Import and export):
// the accounts they follow (with boosts, notify and languages), their
// followers, lists, blocks, mutes, blocked domains and bookmarks.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/account.h"
#include "services/context.h"

namespace agora::services {

struct ExportFile {
  std::string name;  // "follows.csv"
  std::string csv;
  size_t rows = 0;
};

// The export files by name, in the order the export page lists them.
const std::vector<std::string>& export_names();
// nullopt for a name that is not an export.
std::optional<ExportFile> export_csv(Context& ctx, const model::Account& member, std::string_view name);

}  // namespace agora::services
