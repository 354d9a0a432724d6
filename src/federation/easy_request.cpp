#include "federation/easy_request.h"

#include <fmt/format.h>

#include <charconv>
#include <mutex>

#include "core/strings.h"
#include "core/time.h"

namespace agora::federation {

namespace {

constexpr size_t kMaxHeaderBytes = 64 * 1024;
// Below this rate for this long, the peer is stalling us (slow loris).
constexpr long kLowSpeedBytesPerSecond = 512;
constexpr long kLowSpeedSeconds = 5;


std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<EasyRequest::Transfer*>(user);
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
  auto* t = static_cast<EasyRequest::Transfer*>(user);
  size_t n = size * count;
  if (t->response.body.size() + n > t->max_body) {
    t->too_large = true;
    return 0;
  }
  t->response.body.append(data, n);
  return n;
}

std::string bracketed(const IpAddress& a) { return a.v6 ? "[" + a.str() + "]" : a.str(); }

void append(curl_slist*& list, const std::string& line) {
  curl_slist* next = curl_slist_append(list, line.c_str());
  if (!next) throw std::bad_alloc();
  list = next;
}

}  // namespace

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

EasyRequest::EasyRequest(const ClientSettings& settings, const OutboundRequest& request, const HttpUrl& url)
    : target_(url.str()), body_(request.body) {
  GuardResult guard = check_destination(url, settings.policy);
  if (!guard.destination) throw FetchError(FetchError::Kind::refused, guard.refusal);
  const Destination& d = *guard.destination;

  handle_ = curl_easy_init();
  if (!handle_) throw FetchError(FetchError::Kind::network, "curl_easy_init failed");
  try {
    configure(settings, request, url, d);
  } catch (...) {
    release();
    throw;
  }
}

void EasyRequest::configure(const ClientSettings& settings, const OutboundRequest& request, const HttpUrl& url,
                            const Destination& d) {
  CURL* c = handle_;
  curl_easy_setopt(c, CURLOPT_URL, target_.c_str());
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
  if (d.mapped) {
    append(pins_, fmt::format("{}:{}:{}:{}", url.host, url.port, bracketed(d.addresses.front()), d.port));
    curl_easy_setopt(c, CURLOPT_CONNECT_TO, pins_);
  } else if (!parse_ip(url.host)) {
    std::string addresses;
    for (const auto& a : d.addresses) addresses += (addresses.empty() ? "" : ",") + bracketed(a);
    append(pins_, fmt::format("{}:{}:{}", url.host, url.port, addresses));
    curl_easy_setopt(c, CURLOPT_RESOLVE, pins_);
  }

  append(headers_, "User-Agent: " + settings.user_agent);
  append(headers_, "Expect:");  // no 100-continue round trip
  for (const auto& [name, value] : request.headers) append(headers_, name + ": " + value);
  if (request.sign_as) {
    SignOptions options;
    options.style = request.signature_style;
    if (request.method == "GET")
      for (const auto& [name, value] : request.headers)
        if (http::iequals(name, "accept")) options.also_signed.emplace_back(name, value);
    for (const auto& [name, value] :
         sign_request(*request.sign_as, request.method, target_, request.body, now_ms(), options))
      append(headers_, name + ": " + value);
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers_);

  if (request.method == "GET") {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  } else if (request.method == "HEAD") {
    curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
  } else {
    if (request.method != "POST") curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body_.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body_.size()));
  }

  transfer_.max_body = request.max_response_bytes;
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer_);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer_);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_);
}

EasyRequest::~EasyRequest() { release(); }

void EasyRequest::release() {
  if (handle_) curl_easy_cleanup(handle_);
  curl_slist_free_all(pins_);
  curl_slist_free_all(headers_);
  handle_ = nullptr;
  pins_ = headers_ = nullptr;
}

HttpResponse EasyRequest::finish(CURLcode rc) {
  if (transfer_.too_large || rc == CURLE_FILESIZE_EXCEEDED)
    throw FetchError(FetchError::Kind::too_large,
                     fmt::format("Response from {} exceeds {} bytes", target_, transfer_.max_body));
  if (rc == CURLE_OPERATION_TIMEDOUT)
    throw FetchError(FetchError::Kind::timeout, fmt::format("Request to {} timed out: {}", target_, error_));
  if (rc != CURLE_OK)
    throw FetchError(FetchError::Kind::network, fmt::format("Request to {} failed: {}", target_,
                                                            error_[0] ? error_ : curl_easy_strerror(rc)));
  long status = 0;
  curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &status);
  transfer_.response.status = static_cast<int>(status);
  transfer_.response.final_url = target_;
  return std::move(transfer_.response);
}

}  // namespace agora::federation
