#include "services/oauth_scopes.h"

#include <algorithm>

#include "services/auth.h"
#include "store/oauth.h"

namespace agora::services {

std::vector<std::string> requested_scopes(const std::optional<std::string>& scope) {
  auto scopes = store::oauth::split_scopes(scope.value_or(""));
  if (scopes.empty()) scopes.push_back("read");
  return scopes;
}

bool scopes_include(const std::vector<std::string>& granted, const std::vector<std::string>& wanted) {
  return std::all_of(wanted.begin(), wanted.end(), [&](const std::string& s) {
    return std::find(granted.begin(), granted.end(), s) != granted.end();
  });
}

bool scopes_permitted(const std::vector<std::string>& requested, const std::vector<std::string>& application_scopes) {
  return !requested.empty() && std::all_of(requested.begin(), requested.end(), known_scope) &&
         scopes_include(application_scopes, requested);
}

}  // namespace agora::services
