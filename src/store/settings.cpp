#include "store/settings.h"

#include "core/time.h"

namespace agora::store::settings {

std::map<std::string, std::string> load_all(Connection& c) {
  std::map<std::string, std::string> out;
  for (const auto& row : c.query("SELECT key, value FROM settings")) out[row.text(0)] = row.text(1);
  return out;
}

void put(Connection& c, const std::string& key, const std::string& value) {
  c.execute(
      "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
      {key, value, now_ms()});
}

std::optional<Stored> find(Connection& c, const std::string& key) {
  auto r = c.query_one("SELECT value, updated_at FROM settings WHERE key = ?", {key});
  if (!r) return std::nullopt;
  return Stored{r->text(0), r->int64(1)};
}

}  // namespace agora::store::settings
