// Cryptographic primitives over OpenSSL and libargon2: random tokens,
// digests, RSA key pairs for actors, and password hashing.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace agora::crypto {

std::string random_bytes(size_t n);
// URL-safe random token with `bytes` of entropy (OAuth tokens, secrets).
std::string random_token(size_t bytes = 32);
std::string sha256(std::string_view data);       // raw 32 bytes
std::string sha256_hex(std::string_view data);
std::string hex(std::string_view bytes);          // lower-case
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes
std::string sha512(std::string_view data);       // raw 64 bytes
std::string base64(std::string_view data);
std::string base64url(std::string_view data);     // no padding
// Standard alphabet with optional padding (HTTP Basic credentials); nullopt if malformed.
std::optional<std::string> base64_decode(std::string_view text);

struct KeyPair {
  std::string private_pem;
  std::string public_pem;
};
KeyPair generate_rsa_keypair(int bits = 2048);

// argon2id in its encoded form ("$argon2id$v=19$m=…").
std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& encoded);

// Constant-time comparison for secrets.
bool equal_secrets(std::string_view a, std::string_view b);

}  // namespace agora::crypto
