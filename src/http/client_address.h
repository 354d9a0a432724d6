// The client's address when agora runs behind a reverse proxy: as Rails does,
// a peer on loopback or a private network (or one listed in
// AGORA_TRUSTED_PROXY_IPS) is a trusted proxy, and the client is the last
// address in X-Forwarded-For that is not one.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"

namespace agora::http {

bool trusted_proxy_address(std::string_view address, const std::vector<std::string>& extra_trusted = {});
std::string client_address(const Request& request, const std::vector<std::string>& extra_trusted = {});

}  // namespace agora::http
