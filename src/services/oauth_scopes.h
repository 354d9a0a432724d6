// Which scopes an OAuth request asks for and whether it may: requested
// scopes must be known and each one registered by the application (exact
// names, as Doorkeeper compares them; "read" does not admit "read:accounts").
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace agora::services {

// The space-separated `scope` parameter, deduplicated; "read" when absent or blank.
std::vector<std::string> requested_scopes(const std::optional<std::string>& scope);
bool scopes_permitted(const std::vector<std::string>& requested, const std::vector<std::string>& application_scopes);
// True if `granted` includes every scope of `wanted` (a member already
// authorized these scopes for the application).
bool scopes_include(const std::vector<std::string>& granted, const std::vector<std::string>& wanted);

}  // namespace agora::services
