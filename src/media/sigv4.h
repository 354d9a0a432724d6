// AWS Signature Version 4 (what S3 and S3-compatible stores require):
// canonical request, string to sign, signing key, the Authorization header,
// and the presigned-URL query form. Pure functions; the clock is the caller's.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agora::media::sigv4 {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
};

struct Scope {
  std::string region = "us-east-1";
  std::string service = "s3";
};

struct Request {
  std::string method;        // "PUT"
  std::string path;          // decoded: "/bucket/a b.png" (encoded here, byte by byte)
  Pairs query;               // decoded names and values
  Pairs headers;             // as sent, including Host; all of them are signed
  std::string payload_hash;  // hex SHA-256 of the body, or "UNSIGNED-PAYLOAD"
};

struct Options {
  // S3 signs the path as it is: no "." / ".." / "//" removal. Other AWS
  // services normalize it first.
  bool normalize_path = false;
  // S3 wants the payload hash as an x-amz-content-sha256 header (signed).
  bool add_content_sha256 = true;
};

// RFC 3986 percent-encoding as SigV4 wants it: unreserved bytes as they are,
// everything else %XX in upper case; '/' kept unless `encode_slash`.
std::string uri_encode(std::string_view text, bool encode_slash);
std::string canonical_uri(std::string_view path, bool normalize);
std::string canonical_query(const Pairs& query);

struct CanonicalHeaders {
  std::string block;           // "host:example.com\nx-amz-date:…\n"
  std::string signed_headers;  // "host;x-amz-date"
};
// Lower-cased names in order, values trimmed with inner runs of spaces
// collapsed, repeated headers joined with ','.
CanonicalHeaders canonical_headers(const Pairs& headers);

std::string canonical_request(const Request& request, const Options& options = {});
// "20130524/us-east-1/s3/aws4_request"
std::string credential_scope(std::string_view amz_date, const Scope& scope);
std::string string_to_sign(std::string_view amz_date, const Scope& scope, std::string_view canonical_request);
// HMAC chain over "AWS4" + secret, date, region, service, "aws4_request" (raw bytes).
std::string signing_key(std::string_view secret, std::string_view date, const Scope& scope);

struct Signed {
  Pairs headers;  // the request's headers plus x-amz-date, x-amz-content-sha256 and Authorization
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;  // hex
  std::string authorization;
};

// Signs with an Authorization header. `amz_date` is "20130524T000000Z".
Signed sign(Request request, const Credentials& credentials, const Scope& scope, std::string_view amz_date,
            const Options& options = {});

struct Presigned {
  Pairs query;  // the request's query plus the X-Amz-* parameters, X-Amz-Signature last
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;
};

// Signs in the query string (a presigned URL valid for `expires_seconds`).
// The payload hash is usually "UNSIGNED-PAYLOAD" for S3.
Presigned presign(Request request, const Credentials& credentials, const Scope& scope, std::string_view amz_date,
                  int expires_seconds, const Options& options = {});

// "20130524T000000Z" for a time in milliseconds since the epoch.
std::string amz_date(int64_t ms);

}  // namespace agora::media::sigv4
