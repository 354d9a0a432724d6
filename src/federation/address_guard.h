// The guard against server-side request forgery: federation fetches URLs that
// strangers hand us, so nothing may reach loopback, private networks, cloud
// metadata endpoints and the like. We resolve host names ourselves, refuse if
// ANY address is not public, and pin the connection to the addresses checked
// (so DNS rebinding cannot switch them between check and connect).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "federation/url.h"

namespace agora::federation {

struct IpAddress {
  bool v6 = false;
  std::array<uint8_t, 16> bytes{};  // IPv4 in the first four
  std::string str() const;          // numeric, IPv6 without brackets
};
std::optional<IpAddress> parse_ip(std::string_view text);  // numeric IPv4 or IPv6, brackets allowed

enum class AddressKind {
  global,
  unspecified,   // 0.0.0.0/8, ::
  loopback,      // 127/8, ::1
  private_use,   // 10/8, 172.16/12, 192.168/16, fec0::/10
  shared,        // 100.64/10 (carrier-grade NAT)
  link_local,    // 169.254/16 (cloud metadata), fe80::/10
  unique_local,  // fc00::/7
  multicast,     // 224/4, ff00::/8
  reserved,      // documentation, benchmarking, protocol assignments, 240/4, translation prefixes, …
};
// Pure classification; IPv4-mapped and -embedding IPv6 forms are judged by their IPv4 address.
AddressKind classify(const IpAddress& address);
std::string_view describe(AddressKind kind);  // "loopback", "private", …

struct GuardPolicy {
  bool allow_http = false;      // AGORA_TEST_HTTP: http:// URLs too
  bool allow_loopback = false;  // AGORA_TEST_HTTP: loopback addresses (nothing else private)
  std::vector<ConnectTo> connect_to;  // AGORA_TEST_CONNECT_TO
};

bool allowed(AddressKind kind, const GuardPolicy& policy);

// Where to connect for `url`, checked.
struct Destination {
  std::vector<IpAddress> addresses;  // every address the host resolved to, all allowed
  uint16_t port = 0;
  bool mapped = false;  // from connect_to: connect to addresses[0]:port instead of url's
};
struct GuardResult {
  std::optional<Destination> destination;
  std::string refusal;  // why not, when there is no destination
};
// Blocks on DNS. Refuses non-http(s) schemes, http:// unless allowed, host
// names that do not resolve, and any disallowed address.
GuardResult check_destination(const HttpUrl& url, const GuardPolicy& policy);

}  // namespace agora::federation
