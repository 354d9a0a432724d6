// Body digests for signed requests: the legacy `Digest` header (RFC 3230,
// "SHA-256=base64", signed by draft-cavage signatures) and `Content-Digest`
// (RFC 9530, "sha-256=:base64:", covered by RFC 9421 signatures).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace agora::federation {

std::string digest_header(std::string_view body);          // "SHA-256=…"
std::string content_digest_header(std::string_view body);  // "sha-256=:…:"

// Checks a received header against the body. SHA-256 and SHA-512 are
// understood; every one of those offered must match. Returns the reason the
// check failed, nullopt when it passed.
std::optional<std::string> check_digest(std::string_view digest_header, std::string_view body);
std::optional<std::string> check_content_digest(std::string_view content_digest_header, std::string_view body);

}  // namespace agora::federation
