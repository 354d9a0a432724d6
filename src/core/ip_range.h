// IP addresses and CIDR ranges as text: "192.0.2.7", "192.0.2.0/24",
// "2001:db8::/32". Normalizing masks the host bits, as Ruby's IPAddr does.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace agora {

struct IpRange {
  std::string address;  // the network address, canonical text
  int prefix = 0;       // 32 or 128 for a single address
  std::string text() const { return address + "/" + std::to_string(prefix); }
};

// nullopt for anything that is not an address with an optional in-range prefix.
std::optional<IpRange> parse_ip_range(std::string_view text);
// Whether the address `ip` lies in `range` ("192.0.2.0/24"); false for anything malformed.
bool ip_in_range(std::string_view ip, std::string_view range);

}  // namespace agora
