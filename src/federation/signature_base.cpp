// What a signature covers, rebuilt from the request as received: the
// draft-cavage signing string and the RFC 9421 signature base.
#include <fmt/format.h>

#include "core/strings.h"
#include "federation/http_signatures.h"

namespace agora::federation {

namespace {

std::string_view raw_path(const http::Request& request) {
  std::string_view target = request.target;
  return target.substr(0, target.find('?'));
}

std::optional<std::string_view> raw_query(const http::Request& request) {
  size_t q = request.target.find('?');
  if (q == std::string::npos) return std::nullopt;
  return std::string_view(request.target).substr(q + 1);
}

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Every field of that name, trimmed and joined with ", " (both drafts agree).
std::optional<std::string> header_values(const http::Request& request, std::string_view name) {
  std::optional<std::string> out;
  for (const auto& [n, v] : request.headers.all()) {
    if (!http::iequals(n, name)) continue;
    if (out) *out += ", ";
    else out.emplace();
    *out += trim_ows(v);
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding of one name or value.
std::string form_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// RFC 9421 section 2.2.8: query parameters are decoded, then re-encoded.
std::optional<std::string> query_param(const http::Request& request, std::string_view name) {
  auto query = raw_query(request);
  if (!query) return std::nullopt;
  std::optional<std::string> found;
  size_t pos = 0;
  while (pos <= query->size()) {
    size_t amp = query->find('&', pos);
    std::string_view pair = query->substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    pos = amp == std::string_view::npos ? query->size() + 1 : amp + 1;
    size_t eq = pair.find('=');
    if (url_encode_segment(form_decode(pair.substr(0, eq))) != name) continue;
    if (found) return std::nullopt;  // repeated parameters are ambiguous; refuse them
    found = url_encode_segment(form_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1)));
  }
  return found;
}

}  // namespace

std::string cavage_signing_string(const SignatureClaim& claim, const http::Request& request, bool with_query) {
  std::string out;
  for (const auto& name : claim.covered) {
    if (!out.empty()) out += '\n';
    if (name == "(request-target)") {
      out += fmt::format("(request-target): {} {}", ascii_lower(request.method),
                         with_query ? std::string_view(request.target) : raw_path(request));
    } else if (name == "(created)") {
      out += fmt::format("(created): {}", claim.created.value_or(0));
    } else if (name == "(expires)") {
      out += fmt::format("(expires): {}", claim.expires.value_or(0));
    } else {
      // A header the request lacks signs as empty, as Mastodon builds it.
      out += fmt::format("{}: {}", name, header_values(request, name).value_or(""));
    }
  }
  return out;
}

std::optional<std::string> rfc9421_signature_base(const SignatureClaim& claim, const http::Request& request,
                                                  std::string_view scheme, std::string& error) {
  std::string base;
  auto authority = header_values(request, "host");
  for (const auto& component : claim.components) {
    const auto* name = std::get_if<std::string>(&component.value);
    if (!name) {
      error = "Invalid component identifier";
      return std::nullopt;
    }
    std::optional<std::string> value;
    if (*name == "@method") {
      value = request.method;
    } else if (*name == "@target-uri") {
      if (authority) value = fmt::format("{}://{}{}", scheme, ascii_lower(*authority), request.target);
    } else if (*name == "@authority") {
      if (authority) value = ascii_lower(*authority);
    } else if (*name == "@scheme") {
      value = std::string(scheme);
    } else if (*name == "@request-target") {
      value = request.target;
    } else if (*name == "@path") {
      value = std::string(raw_path(request));
      if (value->empty()) value = "/";
    } else if (*name == "@query") {
      value = "?" + std::string(raw_query(request).value_or(""));
    } else if (*name == "@query-param") {
      const auto* param = sf::find(component.params, "name");
      const auto* param_name = param ? std::get_if<std::string>(param) : nullptr;
      if (!param_name) {
        error = "Component @query-param needs a name parameter";
        return std::nullopt;
      }
      value = query_param(request, *param_name);
    } else if (!name->empty() && name->front() == '@') {
      error = fmt::format("Unsupported derived component {}", *name);
      return std::nullopt;
    } else {
      value = header_values(request, *name);
    }
    if (!value) {
      error = fmt::format("Signed component {} is missing from the request", sf::serialize(component));
      return std::nullopt;
    }
    if (value->find_first_of("\r\n") != std::string::npos) {
      error = fmt::format("Signed component {} has an invalid value", sf::serialize(component));
      return std::nullopt;
    }
    base += fmt::format("{}: {}\n", sf::serialize(component), *value);
  }
  base += "\"@signature-params\": " + claim.signature_params;
  return base;
}

}  // namespace agora::federation
