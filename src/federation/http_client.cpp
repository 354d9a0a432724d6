#include "federation/http_client.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <charconv>
#include <memory>
#include <mutex>

#include "core/strings.h"
#include "core/time.h"
#include "core/version.h"
#include "federation/url.h"

namespace agora::federation {

namespace {

constexpr size_t kMaxHeaderBytes = 64 * 1024;
// Below this rate for this long, the peer is stalling us (slow loris).
constexpr long kLowSpeedBytesPerSecond = 512;
constexpr long kLowSpeedSeconds = 5;

struct Transfer {
  size_t max_body;
  HttpResponse response;
  size_t header_bytes = 0;
  bool too_large = false;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  t->header_bytes += n;
  if (t->header_bytes > kMaxHeaderBytes) {
    t->too_large = true;
    return 0;
  }
  if (line.rfind("HTTP/", 0) == 0) {  // a new response (after 1xx): its headers replace any before
    t->response.headers.clear();
    return n;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name = ascii_lower(trim(line.substr(0, colon)));
  std::string_view value = trim(line.substr(colon + 1));
  if (name == "content-length") {
    uint64_t length = 0;
    auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (ec == std::errc() && length > t->max_body) {
      t->too_large = true;
      return 0;
    }
  }
  t->response.headers.emplace_back(std::move(name), std::string(value));
  return n;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->response.body.size() + n > t->max_body) {
    t->too_large = true;
    return 0;
  }
  t->response.body.append(data, n);
  return n;
}

std::string bracketed(const IpAddress& a) { return a.v6 ? "[" + a.str() + "]" : a.str(); }

using Slist = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

void append(Slist& list, const std::string& line) {
  curl_slist* next = curl_slist_append(list.get(), line.c_str());
  if (!next) throw std::bad_alloc();
  list.release();
  list.reset(next);
}

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// One request to one URL (`request.url` is ignored: redirects change it), no redirects.
HttpResponse perform(const ClientSettings& settings, const OutboundRequest& request, const HttpUrl& url) {
  GuardResult guard = check_destination(url, settings.policy);
  if (!guard.destination) throw FetchError(FetchError::Kind::refused, guard.refusal);
  const Destination& d = *guard.destination;

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle(curl_easy_init(), curl_easy_cleanup);
  if (!handle) throw FetchError(FetchError::Kind::network, "curl_easy_init failed");
  CURL* c = handle.get();
  std::string target = url.str();
  curl_easy_setopt(c, CURLOPT_URL, target.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_PROXY, "");  // no proxy from the environment: it would bypass the guard
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, kLowSpeedBytesPerSecond);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, kLowSpeedSeconds);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_response_bytes));
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // decoded bytes count against the limit
  if (!settings.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, settings.ca_file.c_str());

  // Connect only to the addresses the guard checked.
  Slist pins(nullptr, curl_slist_free_all);
  if (d.mapped) {
    append(pins, fmt::format("{}:{}:{}:{}", url.host, url.port, bracketed(d.addresses.front()), d.port));
    curl_easy_setopt(c, CURLOPT_CONNECT_TO, pins.get());
  } else if (!parse_ip(url.host)) {
    std::string addresses;
    for (const auto& a : d.addresses) addresses += (addresses.empty() ? "" : ",") + bracketed(a);
    append(pins, fmt::format("{}:{}:{}", url.host, url.port, addresses));
    curl_easy_setopt(c, CURLOPT_RESOLVE, pins.get());
  }

  Slist headers(nullptr, curl_slist_free_all);
  append(headers, "User-Agent: " + settings.user_agent);
  append(headers, "Expect:");  // no 100-continue round trip
  for (const auto& [name, value] : request.headers) append(headers, name + ": " + value);
  if (request.sign_as) {
    SignOptions options;
    options.style = request.signature_style;
    if (request.method == "GET")
      for (const auto& [name, value] : request.headers)
        if (http::iequals(name, "accept")) options.also_signed.emplace_back(name, value);
    for (const auto& [name, value] :
         sign_request(*request.sign_as, request.method, target, request.body, now_ms(), options))
      append(headers, name + ": " + value);
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());

  if (request.method == "GET") {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  } else {
    if (request.method != "POST") curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }

  Transfer t{request.max_response_bytes, {}, 0, false};
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);

  CURLcode rc = curl_easy_perform(c);
  if (t.too_large || rc == CURLE_FILESIZE_EXCEEDED)
    throw FetchError(FetchError::Kind::too_large,
                     fmt::format("Response from {} exceeds {} bytes", target, request.max_response_bytes));
  if (rc == CURLE_OPERATION_TIMEDOUT)
    throw FetchError(FetchError::Kind::timeout, fmt::format("Request to {} timed out: {}", target, error));
  if (rc != CURLE_OK)
    throw FetchError(FetchError::Kind::network,
                     fmt::format("Request to {} failed: {}", target, error[0] ? error : curl_easy_strerror(rc)));
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  t.response.status = static_cast<int>(status);
  t.response.final_url = target;
  return std::move(t.response);
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
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
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
