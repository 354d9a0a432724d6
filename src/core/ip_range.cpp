#include "core/ip_range.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace agora {

std::optional<IpRange> parse_ip_range(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  std::string_view address = text;
  std::optional<int> prefix;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    address = text.substr(0, slash);
    auto digits = text.substr(slash + 1);
    int value = -1;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
    prefix = value;
  }
  std::string a(address);
  unsigned char bytes[16] = {};
  int family = a.find(':') == std::string::npos ? AF_INET : AF_INET6;
  if (inet_pton(family, a.c_str(), bytes) != 1) return std::nullopt;
  int bits = family == AF_INET ? 32 : 128;
  int p = prefix.value_or(bits);
  if (p < 0 || p > bits) return std::nullopt;
  for (int i = 0; i < bits / 8; ++i) {
    int keep = std::max(0, std::min(8, p - i * 8));
    bytes[i] &= static_cast<unsigned char>(keep == 0 ? 0 : 0xFF << (8 - keep));
  }
  char out[INET6_ADDRSTRLEN] = {};
  if (!inet_ntop(family, bytes, out, sizeof out)) return std::nullopt;
  return IpRange{out, p};
}

bool ip_in_range(std::string_view ip, std::string_view range) {
  auto r = parse_ip_range(range);
  if (!r) return false;
  // The address masked to the range's prefix is the range's network address.
  auto masked = parse_ip_range(std::string(ip) + "/" + std::to_string(r->prefix));
  return masked && masked->address == r->address;
}

}  // namespace agora
