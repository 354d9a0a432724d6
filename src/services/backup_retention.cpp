// Keeping the newest N backups in a target directory.
#include <algorithm>

#include "services/backup.h"

namespace agora::services::backup {

namespace fs = std::filesystem;

namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// (timestamp, same-second number) orders backups by when they were made.
std::pair<std::string, int> sort_key(const std::string& name) {
  std::string_view rest = std::string_view(name).substr(13);  // after "agora-backup-"
  int n = rest.size() > 16 ? std::stoi(std::string(rest.substr(17))) : 1;
  return {std::string(rest.substr(0, 16)), n};
}

}  // namespace

bool is_backup_name(std::string_view name) {
  constexpr std::string_view prefix = "agora-backup-";
  if (!name.starts_with(prefix)) return false;
  std::string_view stamp = name.substr(prefix.size());
  // 20261126T210000Z
  if (stamp.size() < 16 || !digits(stamp.substr(0, 8)) || stamp[8] != 'T' || !digits(stamp.substr(9, 6)) ||
      stamp[15] != 'Z')
    return false;
  if (stamp.size() == 16) return true;
  return stamp[16] == '-' && digits(stamp.substr(17)) && stamp.size() <= 22;
}

void sort_backup_names(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return sort_key(a) < sort_key(b); });
}

std::vector<std::string> remove_old_backups(const fs::path& target, int keep) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(target, ec)) {
    std::string name = entry.path().filename().string();
    // Only complete backups count (and are removed): a manifest is written last.
    if (is_backup_name(name) && entry.is_directory() && fs::exists(entry.path() / kManifestName))
      names.push_back(name);
  }
  if (ec) throw BackupError("cannot list " + target.string() + ": " + ec.message());
  sort_backup_names(names);
  std::vector<std::string> removed;
  if (keep <= 0 || names.size() <= static_cast<size_t>(keep)) return removed;
  for (size_t i = 0; i + keep < names.size(); ++i) {
    fs::remove_all(target / names[i], ec);
    if (ec) throw BackupError("cannot remove " + (target / names[i]).string() + ": " + ec.message());
    removed.push_back(names[i]);
  }
  return removed;
}

}  // namespace agora::services::backup
