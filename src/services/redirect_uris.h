// The rules for OAuth redirect URIs, as Doorkeeper applies them: which URIs
// an application may register, which requested URI matches a registered
// one, and how codes and errors are added to it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agora::services {

// "Out of band": the code is shown to the member to copy into the app.
constexpr std::string_view kOutOfBandRedirectUri = "urn:ietf:wg:oauth:2.0:oob";

// Why a URI cannot be registered (Doorkeeper's wording, after "Redirect URI "),
// or nullopt if it can: absolute, no fragment, no data:/javascript:/vbscript:.
std::optional<std::string> redirect_uri_problem(std::string_view uri);

// True if `requested` may be used for an application that registered
// `registered`: the same URI, where a loopback IP URI may differ in its port
// (RFC 8252 §7.3) and a query is ignored unless the registered URI has one.
bool redirect_uri_matches(std::string_view requested, std::string_view registered);

// `uri` with the parameters added, percent-encoded: to its query, or with
// `in_fragment` as its fragment (response_mode=fragment).
std::string with_parameters(std::string_view uri, const std::vector<std::pair<std::string, std::string>>& params,
                            bool in_fragment = false);

}  // namespace agora::services
