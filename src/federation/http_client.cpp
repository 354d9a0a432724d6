#include "federation/http_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <memory>

#include "core/time.h"
#include "core/version.h"
#include "federation/easy_request.h"
#include "federation/url.h"

namespace agora::federation {

namespace {

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// One request to one URL (`request.url` is ignored: redirects change it), no redirects.
HttpResponse perform(const ClientSettings& settings, const OutboundRequest& request, const HttpUrl& url) {
  EasyRequest easy(settings, request, url);
  return easy.finish(curl_easy_perform(easy.handle()));
}

}  // namespace

std::optional<std::string_view> HttpResponse::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (n == name) return std::string_view(v);
  return std::nullopt;
}

ClientSettings ClientSettings::from(const Config& config) {
  ClientSettings s;
  s.user_agent = fmt::format("agora/{} (+{}/)", kAgoraVersion, config.base_url());
  s.policy.allow_http = config.test_http;
  s.policy.allow_loopback = config.test_http;
  s.policy.connect_to = config.test_connect_to;
  s.ca_file = config.test_ca_file;
  return s;
}

HttpClient::HttpClient(ClientSettings settings) : settings_(std::move(settings)) {
  init_curl_once();
}

HttpResponse HttpClient::fetch(const OutboundRequest& request) const {
  auto url = parse_http_url(request.url);
  if (!url) throw FetchError(FetchError::Kind::refused, "Not an absolute http(s) URL: " + request.url);
  const bool may_redirect = request.method == "GET" || request.method == "HEAD";
  for (int hop = 0;; ++hop) {
    HttpResponse response = perform(settings_, request, *url);
    auto location = response.header("location");
    if (!may_redirect || !is_redirect(response.status) || !location) return response;
    if (hop == settings_.max_redirects)
      throw FetchError(FetchError::Kind::too_many_redirects,
                       fmt::format("More than {} redirects from {}", settings_.max_redirects, request.url));
    auto next = resolve_location(*url, *location);
    if (!next) throw FetchError(FetchError::Kind::refused, fmt::format("Invalid redirect to {}", *location));
    url = std::move(next);
  }
}

}  // namespace agora::federation
