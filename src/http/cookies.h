// Reading cookies from a request and writing Set-Cookie headers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"

namespace agora::http {

// The value of the first cookie named `name`, or nullopt.
std::optional<std::string> cookie(const Request& request, std::string_view name);

struct CookieOptions {
  std::optional<int64_t> max_age_seconds;  // none: a session cookie; 0: delete
  bool secure = false;
  bool http_only = true;
  std::string same_site = "Lax";
  std::string path = "/";
};
// A Set-Cookie header value. `value` must be cookie-safe (tokens are).
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace agora::http
