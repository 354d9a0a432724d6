// One-time passwords for two-factor sign-in: HOTP (RFC 4226) and TOTP
// (RFC 6238) with HMAC-SHA1, as authenticator apps implement them, and the
// base32 text form in which their secrets are shown (RFC 4648).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agora::totp {

constexpr int64_t kStepSeconds = 30;
constexpr int kDigits = 6;

std::string base32_encode(std::string_view raw);  // upper case, no padding
// Accepts lower case, spaces and '=' padding; nullopt for anything else.
std::optional<std::string> base32_decode(std::string_view text);

// The HOTP value for `counter`, zero-padded to `digits`.
std::string hotp(std::string_view key, uint64_t counter, int digits = kDigits);
// The time step that `unix_seconds` falls in.
int64_t time_step(int64_t unix_seconds);
// The step within ±`window` steps of `unix_seconds` whose code is `code`, or
// nullopt. Callers refuse a step they have already accepted (replay).
std::optional<int64_t> matching_step(std::string_view key, std::string_view code, int64_t unix_seconds,
                                     int window = 1, int digits = kDigits);

// A fresh 160-bit secret (the RFC 4226 recommendation), raw bytes.
std::string new_secret();

}  // namespace agora::totp
