// Building blocks of the server-rendered pages: escaping, form fields and
// the shared layout. Every piece of outside text goes through escape().
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "http/response.h"

namespace agora::web {

// Escapes text for HTML content and quoted attribute values.
std::string escape(std::string_view text);
std::string hidden_field(std::string_view name, std::string_view value);
// A message box: an error (alert) or good news (notice); "" for no message.
std::string alert(std::string_view message);
std::string notice(std::string_view message);

struct Layout {
  std::string site;                    // the instance's domain
  std::optional<std::string> signed_in_as;  // "@alice" when signed in
  std::string csrf_token;              // for the sign-out button
};

// A whole HTML document around `body` (already safe HTML), with the headers
// every page gets (no caching, a strict Content-Security-Policy).
http::Response page(const Layout& layout, std::string_view title, const std::string& body, int status = 200);
// A 302 redirect to a local path or a client's redirect URI.
http::Response redirect(const std::string& location);

}  // namespace agora::web
