// Absolute http(s) URLs as federation requests use them: split once, so the
// signer and the HTTP client agree on the Host header and request target.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agora::federation {

struct HttpUrl {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // lower case; IPv6 literals without brackets
  uint16_t port = 0;   // the effective port
  bool default_port = true;
  std::string target;  // path (at least "/") and "?query"; no fragment

  // "host" or "host:port" (brackets around IPv6), as the Host header wants it.
  std::string authority() const;
  std::string str() const { return scheme + "://" + authority() + target; }
};

// nullopt unless `url` is an absolute http or https URL with a host and no
// user information.
std::optional<HttpUrl> parse_http_url(std::string_view url);
// Resolves a redirect's Location against the URL it came from.
std::optional<HttpUrl> resolve_location(const HttpUrl& base, std::string_view location);

}  // namespace agora::federation
