#include "http/client_address.h"

#include <charconv>

namespace agora::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool second_octet_in(std::string_view address, std::string_view prefix, int lo, int hi) {
  if (!address.starts_with(prefix)) return false;
  int octet = -1;
  auto rest = address.substr(prefix.size());
  auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), octet);
  return ec == std::errc() && ptr != rest.data() && *ptr == '.' && octet >= lo && octet <= hi;
}

bool plausible_address(std::string_view s) {
  if (s.empty() || s.size() > 45) return false;
  for (char c : s)
    if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':')) return false;
  return true;
}

}  // namespace

bool trusted_proxy_address(std::string_view a, const std::vector<std::string>& extra_trusted) {
  for (const auto& t : extra_trusted)
    if (a == t) return true;
  if (a.starts_with("::ffff:")) a.remove_prefix(7);  // IPv4-mapped
  return a.starts_with("127.") || a == "::1" || a.starts_with("10.") || a.starts_with("192.168.") ||
         second_octet_in(a, "172.", 16, 31) || a.starts_with("fc") || a.starts_with("fd");
}

std::string client_address(const Request& request, const std::vector<std::string>& extra_trusted) {
  if (!trusted_proxy_address(request.remote_address, extra_trusted)) return request.remote_address;
  auto forwarded = request.headers.get("X-Forwarded-For");
  if (!forwarded) return request.remote_address;
  std::string_view rest = *forwarded;
  std::string client = request.remote_address;
  // Walk from the right: the first untrusted hop is the client.
  while (!rest.empty()) {
    auto comma = rest.rfind(',');
    std::string_view hop = trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
    if (!plausible_address(hop)) break;
    client = std::string(hop);
    if (!trusted_proxy_address(hop, extra_trusted)) break;
  }
  return client;
}

}  // namespace agora::http
