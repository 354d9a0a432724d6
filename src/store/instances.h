// What we know of other servers: when delivering to them last worked, and
// since when it fails (Mastodon stops delivering to a domain that failed for
// a week, and starts again when it hears from it).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace agora::store::instances {

void record_success(Connection& c, const std::string& domain, int64_t now_ms);
void record_failure(Connection& c, const std::string& domain, int64_t now_ms);
// Since when deliveries to the domain fail, if they do.
std::optional<int64_t> unavailable_since(Connection& c, const std::string& domain);

}  // namespace agora::store::instances
