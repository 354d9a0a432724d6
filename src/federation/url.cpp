#include "federation/url.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include "core/strings.h"

namespace agora::federation {

namespace {

std::optional<HttpUrl> from(const boost::urls::url_view& u) {
  if (!u.has_scheme() || !u.has_authority() || u.has_userinfo()) return std::nullopt;
  HttpUrl out;
  out.scheme = ascii_lower(u.scheme());
  if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
  if (u.host_type() == boost::urls::host_type::ipvfuture) return std::nullopt;
  out.host = ascii_lower(u.host_address());
  if (out.host.empty()) return std::nullopt;
  uint16_t default_port = out.scheme == "https" ? 443 : 80;
  out.port = default_port;
  if (u.has_port()) {
    if (u.port().empty()) return std::nullopt;
    if (u.port_number() == 0) return std::nullopt;
    out.port = u.port_number();
  }
  out.default_port = out.port == default_port;
  out.target = std::string(u.encoded_path());
  if (out.target.empty()) out.target = "/";
  if (out.target.front() != '/') return std::nullopt;
  if (u.has_query()) out.target += "?" + std::string(u.encoded_query());
  return out;
}

}  // namespace

std::string HttpUrl::authority() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return default_port ? h : h + ":" + std::to_string(port);
}

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return std::nullopt;
  return from(*parsed);
}

std::optional<HttpUrl> resolve_location(const HttpUrl& base, std::string_view location) {
  auto ref = boost::urls::parse_uri_reference(location);
  if (!ref) return std::nullopt;
  std::string base_text = base.str();  // the view below points into it
  auto base_url = boost::urls::parse_uri(base_text);
  if (!base_url) return std::nullopt;
  boost::urls::url resolved;
  if (boost::urls::resolve(*base_url, *ref, resolved).has_error()) return std::nullopt;
  return from(resolved);
}

}  // namespace agora::federation
