#include "media/s3_store.h"

#include <arpa/inet.h>

#include <algorithm>
#include <fmt/format.h>

#include "core/crypto.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/time.h"
#include "media/object_http.h"
#include "media/sigv4.h"

namespace agora::media {

namespace {

// Files never change under a key (a new upload gets a new key), as Mastodon caches them.
constexpr std::string_view kCacheControl = "public, max-age=315576000, immutable";
constexpr std::string_view kUnavailable = "There was a temporary problem serving your request, please try again";

bool is_ip_or_localhost(std::string_view authority) {
  std::string host(authority);
  if (!host.empty() && host.front() == '[') return true;  // IPv6 literal
  if (auto colon = host.rfind(':'); colon != std::string::npos) host.resize(colon);
  unsigned char buffer[4];
  return host == "localhost" || inet_pton(AF_INET, host.c_str(), buffer) == 1;
}

std::string between(std::string_view xml, std::string_view open, std::string_view close) {
  auto start = xml.find(open);
  if (start == std::string_view::npos) return "";
  start += open.size();
  auto end = xml.find(close, start);
  if (end == std::string_view::npos) return "";
  return std::string(xml.substr(start, std::min<size_t>(end - start, 300)));
}

}  // namespace

std::string s3_error_summary(std::string_view xml) {
  std::string code = between(xml, "<Code>", "</Code>");
  std::string message = between(xml, "<Message>", "</Message>");
  if (code.empty()) return "";
  return message.empty() ? code : code + ": " + message;
}

S3Store::S3Store(ObjectStorageSettings settings) : settings_(std::move(settings)) {
  std::string endpoint =
      settings_.endpoint.empty() ? fmt::format("https://s3.{}.amazonaws.com", settings_.region) : settings_.endpoint;
  auto sep = endpoint.find("://");
  scheme_ = endpoint.substr(0, sep);
  authority_ = endpoint.substr(sep + 3);
  // Virtual-host names cannot be made from an IP address.
  path_style_ = settings_.path_style || is_ip_or_localhost(authority_);
}

std::string S3Store::host() const { return path_style_ ? authority_ : settings_.bucket + "." + authority_; }

std::string S3Store::path(std::string_view key) const {
  if (key.empty()) return path_style_ ? "/" + settings_.bucket : "/";  // the bucket itself (listing)
  return path_style_ ? fmt::format("/{}/{}", settings_.bucket, key) : fmt::format("/{}", key);
}

std::string S3Store::object_url(std::string_view key) const {
  if (key.empty()) return fmt::format("{}://{}{}", scheme_, host(), path(key));
  // Keys are checked by valid_storage_key: nothing in them needs escaping.
  return fmt::format("{}://{}{}", scheme_, host(), path(key));
}

std::string S3Store::public_base_url() const {
  const std::string& alias = settings_.alias_host;
  if (!alias.empty()) return alias.starts_with("http://") || alias.starts_with("https://") ? alias : "https://" + alias;
  std::string url = object_url("x");
  return url.substr(0, url.size() - 2);
}

S3Store::Response S3Store::send(std::string_view method, std::string_view key,
                                std::vector<std::pair<std::string, std::string>> headers, std::string_view body,
                                size_t max_response_bytes,
                                std::vector<std::pair<std::string, std::string>> query) const {
  headers.emplace(headers.begin(), "Host", host());
  std::string url = object_url(key);
  if (!query.empty()) url += "?" + sigv4::canonical_query(query);
  sigv4::Request request{std::string(method), path(key), std::move(query), std::move(headers),
                         crypto::sha256_hex(body)};
  sigv4::Signed signed_request =
      sigv4::sign(std::move(request), {settings_.access_key_id, settings_.secret_access_key},
                  {settings_.region, "s3"}, sigv4::amz_date(now_ms()));
  ObjectHttpRequest http{std::string(method), url, std::move(signed_request.headers), body,
                         max_response_bytes};
  ObjectHttpResponse r = perform(http);
  return {r.status, std::move(r.body), r.too_large};
}

void S3Store::put(std::string_view key, std::string_view bytes, std::string_view content_type) const {
  if (!valid_storage_key(key)) throw std::runtime_error("invalid storage key");
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Content-Type", std::string(content_type)}, {"Cache-Control", std::string(kCacheControl)}};
  if (!settings_.permission.empty()) headers.emplace_back("x-amz-acl", settings_.permission);
  std::string failure;
  try {
    Response r = send("PUT", key, std::move(headers), bytes, 64 * 1024);
    if (r.status == 200) return;
    std::string summary = s3_error_summary(r.body);
    failure = fmt::format("HTTP {}{}", r.status, summary.empty() ? "" : " " + summary);
  } catch (const std::exception& e) {
    failure = e.what();
  }
  log::error("S3 upload of {} to bucket {} failed: {}", key, settings_.bucket, failure);
  throw Error::unavailable(std::string(kUnavailable));
}

std::optional<std::string> S3Store::read(std::string_view key, size_t max_bytes) const {
  if (!valid_storage_key(key)) return std::nullopt;
  try {
    Response r = send("GET", key, {}, "", max_bytes);
    if (r.status == 200 && !r.too_large) return std::move(r.body);
    if (r.status != 404 && !r.too_large)
      log::warn("S3 read of {} from bucket {} failed: HTTP {} {}", key, settings_.bucket, r.status,
                s3_error_summary(r.body));
  } catch (const std::exception& e) {
    log::warn("S3 read of {} from bucket {} failed: {}", key, settings_.bucket, e.what());
  }
  return std::nullopt;
}

namespace {

// The text of each <tag>…</tag> inside `xml`, XML entities decoded.
std::vector<std::string> all_between(std::string_view xml, std::string_view tag) {
  std::string open = fmt::format("<{}>", tag), close = fmt::format("</{}>", tag);
  std::vector<std::string> out;
  for (size_t pos = xml.find(open); pos != std::string_view::npos; pos = xml.find(open, pos)) {
    size_t start = pos + open.size(), end = xml.find(close, start);
    if (end == std::string_view::npos) break;
    std::string text;
    for (size_t i = start; i < end; ++i) {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool decoded = false;
      for (auto [entity, ch] : kEntities)
        if (xml.substr(i, entity.size()) == entity) {
          text += ch;
          i += entity.size() - 1;
          decoded = true;
          break;
        }
      if (!decoded) text += xml[i];
    }
    out.push_back(std::move(text));
    pos = end + close.size();
  }
  return out;
}

std::string failure(int status, std::string_view body) {
  std::string summary = s3_error_summary(body);
  return fmt::format("HTTP {}{}", status, summary.empty() ? "" : " " + summary);
}

}  // namespace

std::vector<S3Store::Object> S3Store::list(std::string_view prefix) const {
  std::vector<Object> objects;
  std::string token;
  for (int page = 0; page < 100000; ++page) {
    std::vector<std::pair<std::string, std::string>> query = {{"list-type", "2"}, {"prefix", std::string(prefix)}};
    if (!token.empty()) query.emplace_back("continuation-token", token);
    Response r = send("GET", "", {}, "", 16 * 1024 * 1024, std::move(query));
    if (r.status != 200 || r.too_large)
      throw std::runtime_error(fmt::format("listing bucket {} failed: {}", settings_.bucket, failure(r.status, r.body)));
    for (const auto& contents : all_between(r.body, "Contents")) {
      Object o;
      o.key = all_between(contents, "Key").empty() ? "" : all_between(contents, "Key").front();
      auto size = all_between(contents, "Size");
      o.size = size.empty() ? 0 : std::stoull(size.front());
      auto etag = all_between(contents, "ETag");
      o.etag = etag.empty() ? "" : etag.front();
      std::erase(o.etag, '"');
      objects.push_back(std::move(o));
    }
    auto truncated = all_between(r.body, "IsTruncated");
    auto next = all_between(r.body, "NextContinuationToken");
    if (truncated.empty() || truncated.front() != "true" || next.empty()) break;
    token = next.front();
  }
  std::sort(objects.begin(), objects.end(), [](const Object& a, const Object& b) { return a.key < b.key; });
  return objects;
}

void S3Store::put_private(std::string_view key, std::string_view bytes) const {
  if (!valid_storage_key(key)) throw std::runtime_error(fmt::format("invalid object key {}", key));
  Response r = send("PUT", key, {{"Content-Type", "application/octet-stream"}}, bytes, 64 * 1024);
  if (r.status != 200)
    throw std::runtime_error(fmt::format("upload of {} to bucket {} failed: {}", key, settings_.bucket,
                                         failure(r.status, r.body)));
}

std::optional<std::string> S3Store::fetch(std::string_view key, size_t max_bytes) const {
  if (!valid_storage_key(key)) throw std::runtime_error(fmt::format("invalid object key {}", key));
  Response r = send("GET", key, {}, "", max_bytes);
  if (r.status == 404) return std::nullopt;
  if (r.too_large) throw std::runtime_error(fmt::format("{} in bucket {} is too large", key, settings_.bucket));
  if (r.status != 200)
    throw std::runtime_error(fmt::format("reading {} from bucket {} failed: {}", key, settings_.bucket,
                                         failure(r.status, r.body)));
  return std::move(r.body);
}

void S3Store::remove_checked(std::string_view key) const {
  if (!valid_storage_key(key)) throw std::runtime_error(fmt::format("invalid object key {}", key));
  Response r = send("DELETE", key, {}, "", 64 * 1024);
  if (r.status != 204 && r.status != 200 && r.status != 404)
    throw std::runtime_error(fmt::format("deleting {} from bucket {} failed: {}", key, settings_.bucket,
                                         failure(r.status, r.body)));
}

void S3Store::remove(std::string_view key) const noexcept {
  if (!valid_storage_key(key)) return;
  try {
    Response r = send("DELETE", key, {}, "", 64 * 1024);
    if (r.status != 204 && r.status != 200 && r.status != 404)
      log::warn("S3 delete of {} from bucket {} failed: HTTP {} {}", key, settings_.bucket, r.status,
                s3_error_summary(r.body));
  } catch (const std::exception& e) {
    log::warn("S3 delete of {} from bucket {} failed: {}", key, settings_.bucket, e.what());
  }
}

}  // namespace agora::media
