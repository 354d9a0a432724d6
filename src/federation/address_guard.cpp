#include "federation/address_guard.h"

#include <arpa/inet.h>
#include <fmt/format.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <memory>

namespace agora::federation {

namespace {

struct Range {
  std::array<uint8_t, 16> prefix;
  int bits;
  AddressKind kind;
};

bool in_range(const uint8_t* bytes, const Range& r) {
  int full = r.bits / 8, rest = r.bits % 8;
  if (std::memcmp(bytes, r.prefix.data(), full) != 0) return false;
  if (rest == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
  return (bytes[full] & mask) == (r.prefix[full] & mask);
}

// IANA's special-purpose registries, as Mastodon's PrivateAddressCheck lists them.
const Range kIpv4Ranges[] = {
    {{0}, 8, AddressKind::unspecified},
    {{10}, 8, AddressKind::private_use},
    {{100, 64}, 10, AddressKind::shared},
    {{127}, 8, AddressKind::loopback},
    {{169, 254}, 16, AddressKind::link_local},
    {{172, 16}, 12, AddressKind::private_use},
    {{192, 0, 0}, 24, AddressKind::reserved},     // IETF protocol assignments
    {{192, 0, 2}, 24, AddressKind::reserved},     // documentation
    {{192, 88, 99}, 24, AddressKind::reserved},   // 6to4 relay anycast
    {{192, 168}, 16, AddressKind::private_use},
    {{198, 18}, 15, AddressKind::reserved},       // benchmarking
    {{198, 51, 100}, 24, AddressKind::reserved},  // documentation
    {{203, 0, 113}, 24, AddressKind::reserved},   // documentation
    {{224}, 4, AddressKind::multicast},
    {{240}, 4, AddressKind::reserved},            // and the broadcast address
};

const Range kIpv6Ranges[] = {
    {{0xfc}, 7, AddressKind::unique_local},
    {{0xfe, 0x80}, 10, AddressKind::link_local},
    {{0xfe, 0xc0}, 10, AddressKind::private_use},  // deprecated site-local
    {{0xff}, 8, AddressKind::multicast},
    {{0x01, 0x00}, 64, AddressKind::reserved},                        // discard-only
    {{0x20, 0x01, 0x00, 0x00}, 32, AddressKind::reserved},            // Teredo: hides its IPv4 server
    {{0x20, 0x01, 0x00, 0x10}, 28, AddressKind::reserved},            // ORCHID
    {{0x20, 0x01, 0x0d, 0xb8}, 32, AddressKind::reserved},            // documentation
    {{0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}, 48, AddressKind::reserved},  // local-use translation
};

AddressKind classify_v4(const uint8_t* b) {
  for (const auto& r : kIpv4Ranges)
    if (in_range(b, r)) return r.kind;
  return AddressKind::global;
}

}  // namespace

std::string IpAddress::str() const {
  char text[INET6_ADDRSTRLEN] = {0};
  inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), text, sizeof text);
  return text;
}

std::optional<IpAddress> parse_ip(std::string_view text) {
  if (text.size() > 2 && text.front() == '[' && text.back() == ']') text = text.substr(1, text.size() - 2);
  if (text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  std::string s(text);
  IpAddress a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) return a;
  a.v6 = true;
  if (inet_pton(AF_INET6, s.c_str(), a.bytes.data()) == 1) return a;
  return std::nullopt;
}

AddressKind classify(const IpAddress& address) {
  const uint8_t* b = address.bytes.data();
  if (!address.v6) return classify_v4(b);
  static constexpr uint8_t zeros[16] = {0};
  if (std::memcmp(b, zeros, 15) == 0 && b[15] == 0) return AddressKind::unspecified;
  if (std::memcmp(b, zeros, 15) == 0 && b[15] == 1) return AddressKind::loopback;
  // Forms that carry an IPv4 address a connection may end up at: mapped
  // (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:a.b.c.d::).
  static constexpr uint8_t mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static constexpr uint8_t nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, mapped, 12) == 0 || std::memcmp(b, nat64, 12) == 0) return classify_v4(b + 12);
  if (std::memcmp(b, zeros, 12) == 0) return AddressKind::reserved;  // deprecated IPv4-compatible
  if (b[0] == 0x20 && b[1] == 0x02) return classify_v4(b + 2);
  for (const auto& r : kIpv6Ranges)
    if (in_range(b, r)) return r.kind;
  return AddressKind::global;
}

std::string_view describe(AddressKind kind) {
  switch (kind) {
    case AddressKind::global: return "public";
    case AddressKind::unspecified: return "unspecified";
    case AddressKind::loopback: return "loopback";
    case AddressKind::private_use: return "private";
    case AddressKind::shared: return "shared (carrier-grade NAT)";
    case AddressKind::link_local: return "link-local";
    case AddressKind::unique_local: return "unique local";
    case AddressKind::multicast: return "multicast";
    case AddressKind::reserved: return "reserved";
  }
  return "?";
}

bool allowed(AddressKind kind, const GuardPolicy& policy) {
  return kind == AddressKind::global || (kind == AddressKind::loopback && policy.allow_loopback);
}

GuardResult check_destination(const HttpUrl& url, const GuardPolicy& policy) {
  if (url.scheme != "https" && !(url.scheme == "http" && policy.allow_http))
    return {std::nullopt, fmt::format("Only https:// URLs are fetched, not {}", url.str())};
  Destination d;
  d.port = url.port;
  for (const auto& to : policy.connect_to) {
    if (to.domain != url.host) continue;
    auto address = parse_ip(to.address);
    if (!address) return {std::nullopt, fmt::format("Invalid connect-to address {}", to.address)};
    d.addresses.push_back(*address);
    d.port = to.port;
    d.mapped = true;
    break;
  }
  if (!d.mapped) {
    if (auto literal = parse_ip(url.host)) {
      d.addresses.push_back(*literal);
    } else {
      addrinfo hints{};
      hints.ai_family = AF_UNSPEC;
      hints.ai_socktype = SOCK_STREAM;
      addrinfo* found = nullptr;
      int rc = getaddrinfo(url.host.c_str(), nullptr, &hints, &found);
      std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owner(found, freeaddrinfo);
      if (rc != 0 || !found)
        return {std::nullopt, fmt::format("Could not resolve {}: {}", url.host, rc ? gai_strerror(rc) : "no address")};
      for (addrinfo* ai = found; ai; ai = ai->ai_next) {
        IpAddress a;
        if (ai->ai_family == AF_INET) {
          std::memcpy(a.bytes.data(), &reinterpret_cast<sockaddr_in*>(ai->ai_addr)->sin_addr, 4);
        } else if (ai->ai_family == AF_INET6) {
          a.v6 = true;
          std::memcpy(a.bytes.data(), &reinterpret_cast<sockaddr_in6*>(ai->ai_addr)->sin6_addr, 16);
        } else {
          continue;
        }
        bool seen = false;
        for (const auto& b : d.addresses) seen = seen || (b.v6 == a.v6 && b.bytes == a.bytes);
        if (!seen) d.addresses.push_back(a);
      }
      if (d.addresses.empty()) return {std::nullopt, fmt::format("Could not resolve {}: no address", url.host)};
    }
  }
  for (const auto& a : d.addresses) {
    AddressKind kind = classify(a);
    // A connect-to mapping (test-only, set by whoever runs the instance) may
    // point at loopback even without AGORA_TEST_HTTP: that is where a test's
    // TLS proxy listens. Nothing else private: a mapping is no way around the guard.
    bool mapped_to_loopback = d.mapped && kind == AddressKind::loopback;
    if (!allowed(kind, policy) && !mapped_to_loopback)
      return {std::nullopt, fmt::format("Requests to private network addresses are disallowed ({} resolves to {}, a {} address)",
                                        url.host, a.str(), describe(kind))};
  }
  return {std::move(d), ""};
}

}  // namespace agora::federation
