#include "store/undone_early.h"

namespace agora::store::undone_early {

namespace {
constexpr int64_t kKeepMs = 6LL * 3600 * 1000;
}

void remember(Connection& c, const std::string& uri, int64_t now) {
  c.execute("DELETE FROM undone_early WHERE created_at < ?", {now - kKeepMs});
  c.execute("INSERT INTO undone_early (uri, created_at) VALUES (?, ?) ON CONFLICT (uri) DO NOTHING", {uri, now});
}

bool take(Connection& c, const std::string& uri) {
  return c.execute("DELETE FROM undone_early WHERE uri = ?", {uri}) > 0;
}

}  // namespace agora::store::undone_early
