#include "media/sigv4.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

#include "core/crypto.h"

namespace agora::media::sigv4 {

namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Trims spaces and tabs and collapses inner runs of them to one space.
std::string collapse_spaces(std::string_view value) {
  std::string out;
  bool pending = false;
  for (char c : value) {
    if (c == ' ' || c == '\t') {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

// Removes empty, "." and ".." segments (RFC 3986 dot-segment removal plus
// collapsed slashes), keeping a trailing slash.
std::string normalize(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    std::string_view seg = path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  std::string out;
  for (auto seg : segments) out += "/" + std::string(seg);
  bool trailing = path.ends_with("/") || path.ends_with("/.") || path.ends_with("/..");
  if (out.empty() || trailing) out += "/";
  return out;
}

std::string join(const Pairs& pairs) {
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (!out.empty()) out += '&';
    out += name + "=" + value;
  }
  return out;
}

}  // namespace

std::string uri_encode(std::string_view text, bool encode_slash) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    if (unreserved(c) || (c == '/' && !encode_slash)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  }
  return out;
}

std::string canonical_uri(std::string_view path, bool normalize_path) {
  std::string absolute = path.starts_with("/") ? std::string(path) : "/" + std::string(path);
  return uri_encode(normalize_path ? normalize(absolute) : absolute, false);
}

std::string canonical_query(const Pairs& query) {
  Pairs encoded;
  encoded.reserve(query.size());
  for (const auto& [name, value] : query) encoded.emplace_back(uri_encode(name, true), uri_encode(value, true));
  std::sort(encoded.begin(), encoded.end());
  return join(encoded);
}

CanonicalHeaders canonical_headers(const Pairs& headers) {
  // Stable: repeated headers keep the order they were given in.
  std::vector<std::pair<std::string, std::string>> lowered;
  for (const auto& [name, value] : headers) lowered.emplace_back(lower(name), collapse_spaces(value));
  std::stable_sort(lowered.begin(), lowered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  CanonicalHeaders out;
  for (size_t i = 0; i < lowered.size(); ++i) {
    if (i > 0 && lowered[i].first == lowered[i - 1].first) {
      out.block.pop_back();  // the '\n'
      out.block += "," + lowered[i].second + "\n";
      continue;
    }
    out.block += lowered[i].first + ":" + lowered[i].second + "\n";
    if (!out.signed_headers.empty()) out.signed_headers += ';';
    out.signed_headers += lowered[i].first;
  }
  return out;
}

std::string canonical_request(const Request& request, const Options& options) {
  CanonicalHeaders headers = canonical_headers(request.headers);
  return fmt::format("{}\n{}\n{}\n{}\n{}\n{}", request.method, canonical_uri(request.path, options.normalize_path),
                     canonical_query(request.query), headers.block, headers.signed_headers, request.payload_hash);
}

std::string credential_scope(std::string_view amz_date, const Scope& scope) {
  return fmt::format("{}/{}/{}/aws4_request", amz_date.substr(0, 8), scope.region, scope.service);
}

std::string string_to_sign(std::string_view amz_date, const Scope& scope, std::string_view canonical_request) {
  return fmt::format("{}\n{}\n{}\n{}", kAlgorithm, amz_date, credential_scope(amz_date, scope),
                     crypto::sha256_hex(canonical_request));
}

std::string signing_key(std::string_view secret, std::string_view date, const Scope& scope) {
  std::string key = crypto::hmac_sha256("AWS4" + std::string(secret), date);
  key = crypto::hmac_sha256(key, scope.region);
  key = crypto::hmac_sha256(key, scope.service);
  return crypto::hmac_sha256(key, "aws4_request");
}

Signed sign(Request request, const Credentials& credentials, const Scope& scope, std::string_view amz_date,
            const Options& options) {
  request.headers.emplace_back("x-amz-date", std::string(amz_date));
  if (options.add_content_sha256) request.headers.emplace_back("x-amz-content-sha256", request.payload_hash);
  Signed out;
  out.canonical_request = canonical_request(request, options);
  out.string_to_sign = string_to_sign(amz_date, scope, out.canonical_request);
  out.signature =
      crypto::hex(crypto::hmac_sha256(signing_key(credentials.secret_access_key, amz_date.substr(0, 8), scope),
                                      out.string_to_sign));
  out.authorization = fmt::format("{} Credential={}/{}, SignedHeaders={}, Signature={}", kAlgorithm,
                                  credentials.access_key_id, credential_scope(amz_date, scope),
                                  canonical_headers(request.headers).signed_headers, out.signature);
  out.headers = std::move(request.headers);
  out.headers.emplace_back("Authorization", out.authorization);
  return out;
}

Presigned presign(Request request, const Credentials& credentials, const Scope& scope, std::string_view amz_date,
                  int expires_seconds, const Options& options) {
  request.query.emplace_back("X-Amz-Algorithm", std::string(kAlgorithm));
  request.query.emplace_back("X-Amz-Credential", credentials.access_key_id + "/" + credential_scope(amz_date, scope));
  request.query.emplace_back("X-Amz-Date", std::string(amz_date));
  request.query.emplace_back("X-Amz-Expires", std::to_string(expires_seconds));
  request.query.emplace_back("X-Amz-SignedHeaders", canonical_headers(request.headers).signed_headers);
  Presigned out;
  out.canonical_request = canonical_request(request, options);
  out.string_to_sign = string_to_sign(amz_date, scope, out.canonical_request);
  out.signature =
      crypto::hex(crypto::hmac_sha256(signing_key(credentials.secret_access_key, amz_date.substr(0, 8), scope),
                                      out.string_to_sign));
  out.query = std::move(request.query);
  out.query.emplace_back("X-Amz-Signature", out.signature);
  return out;
}

std::string amz_date(int64_t ms) {
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[20];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

}  // namespace agora::media::sigv4
