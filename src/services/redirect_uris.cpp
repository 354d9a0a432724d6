#include "services/redirect_uris.h"

#include <boost/url/encode.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url.hpp>

#include <algorithm>

#include "core/strings.h"

namespace agora::services {

namespace {

bool loopback_ip_host(const boost::urls::url_view& u) {
  if (u.host_type() == boost::urls::host_type::ipv4) return u.host_address().starts_with("127.");
  if (u.host_type() == boost::urls::host_type::ipv6) return u.host_address() == "::1";
  return false;
}

}  // namespace

std::optional<std::string> redirect_uri_problem(std::string_view uri) {
  if (uri == kOutOfBandRedirectUri) return std::nullopt;
  auto parsed = boost::urls::parse_uri_reference(uri);
  if (!parsed) return "must be a valid URI.";
  if (!parsed->has_scheme()) return "must be an absolute URI.";
  if (parsed->has_fragment()) return "cannot contain a fragment.";
  std::string scheme = ascii_lower(parsed->scheme());
  if (scheme == "data" || scheme == "javascript" || scheme == "vbscript") return "is forbidden by the server.";
  // "https:" alone parses as a URI but names nothing to return to.
  if ((scheme == "http" || scheme == "https") && parsed->encoded_host().empty()) return "must be an absolute URI.";
  return std::nullopt;
}

bool redirect_uri_matches(std::string_view requested, std::string_view registered) {
  if (requested == registered) return true;
  if (requested == kOutOfBandRedirectUri || registered == kOutOfBandRedirectUri) return false;
  auto req = boost::urls::parse_uri(requested);
  auto reg = boost::urls::parse_uri(registered);
  if (!req || !reg || req->has_fragment()) return false;
  boost::urls::url a(*req), b(*reg);
  if (b.has_query()) {
    if (a.encoded_query() != b.encoded_query()) return false;
  }
  a.remove_query();
  b.remove_query();
  if (loopback_ip_host(a) && loopback_ip_host(b)) {
    a.remove_port();
    b.remove_port();
  }
  return a.buffer() == b.buffer();
}

std::string with_parameters(std::string_view uri, const std::vector<std::pair<std::string, std::string>>& params,
                            bool in_fragment) {
  std::string out(uri);
  char separator = in_fragment ? '#' : out.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [key, value] : params) {
    out += separator;
    out += boost::urls::encode(key, boost::urls::unreserved_chars);
    out += '=';
    out += boost::urls::encode(value, boost::urls::unreserved_chars);
    separator = '&';
  }
  return out;
}

}  // namespace agora::services
