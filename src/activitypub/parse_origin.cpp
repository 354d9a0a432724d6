#include "activitypub/parse_origin.h"

#include <boost/url/parse.hpp>
#include <optional>

#include "activitypub/parse_json_ld.h"
#include "core/strings.h"

namespace agora::activitypub {

namespace {

struct Origin {
  std::string scheme;
  std::string host;
  std::string port;
  bool operator==(const Origin&) const = default;
};

std::optional<Origin> origin_of(std::string_view url) {
  if (!ld::is_http_url(url)) return std::nullopt;
  auto parsed = boost::urls::parse_uri(boost::core::string_view(url.data(), url.size()));
  if (!parsed) return std::nullopt;
  Origin o{ascii_lower(parsed->scheme()), ascii_lower(parsed->encoded_host()), std::string(parsed->port())};
  if (o.port.empty()) o.port = o.scheme == "https" ? "443" : "80";
  return o;
}

}  // namespace

std::string host_of(std::string_view url) {
  auto o = origin_of(url);
  return o ? o->host : std::string();
}

bool same_origin(std::string_view url_a, std::string_view url_b) {
  auto a = origin_of(url_a);
  auto b = origin_of(url_b);
  return a && b && *a == *b;
}

}  // namespace agora::activitypub
