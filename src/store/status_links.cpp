#include "store/status_links.h"

namespace agora::store::status_links {

void add(Connection& c, int64_t status_id, const std::vector<std::string>& urls) {
  for (const auto& url : urls)
    c.execute("INSERT INTO status_links (status_id, url) VALUES (?, ?) ON CONFLICT DO NOTHING", {status_id, url});
}

}  // namespace agora::store::status_links
