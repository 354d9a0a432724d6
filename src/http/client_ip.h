// The client's address behind a reverse proxy: when the peer is a trusted
// proxy (loopback, or one listed), the right-most untrusted address of
// X-Forwarded-For, as Rails computes remote_ip.
#pragma once
#include <string>
#include <vector>

#include "http/request.h"

namespace agora::http {

std::string client_ip(const Request& request, const std::vector<std::string>& trusted_proxies);

}  // namespace agora::http
