// Domain names as Mastodon stores them: lower case, internationalized names
// in their ASCII (punycode) form.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace agora {

// "Example.ORG.", " bücher.example/ " → "example.org", "xn--bcher-kva.example".
// nullopt when it is not a valid host name (labels of 1-63 letters, digits,
// hyphens or underscores; under 256 characters in all).
std::optional<std::string> normalize_domain(std::string_view input);

}  // namespace agora
