#include "http/client_ip.h"

#include <algorithm>

namespace agora::http {

namespace {
bool trusted(const std::string& ip, const std::vector<std::string>& proxies) {
  return ip == "::1" || ip.rfind("127.", 0) == 0 || ip.rfind("::ffff:127.", 0) == 0 ||
         std::find(proxies.begin(), proxies.end(), ip) != proxies.end();
}

std::string trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}
}  // namespace

std::string client_ip(const Request& request, const std::vector<std::string>& proxies) {
  if (!trusted(request.remote_address, proxies)) return request.remote_address;
  auto forwarded = request.headers.get("X-Forwarded-For");
  if (!forwarded) return request.remote_address;
  std::string_view list = *forwarded;
  // Walk from the right: the nearest hops are our own proxies.
  while (!list.empty()) {
    auto comma = list.rfind(',');
    std::string hop = trim(comma == std::string_view::npos ? list : list.substr(comma + 1));
    if (!hop.empty() && hop.size() <= 45 && !trusted(hop, proxies)) return hop;
    if (comma == std::string_view::npos) break;
    list = list.substr(0, comma);
  }
  return request.remote_address;
}

}  // namespace agora::http
