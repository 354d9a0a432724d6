// Web Push message encryption (RFC 8291): ECDH between a one-time key and the
// subscriber's key, HKDF mixed with the subscriber's auth secret, and one
// aes128gcm record (RFC 8188) whose header carries the salt and the one-time
// public key. The result is the whole request body.
#pragma once
#include <string>
#include <string_view>

#include "push/p256.h"

namespace agora::push {

// Largest plaintext one record of 4096 bytes holds (tag and delimiter take 17).
inline constexpr size_t kMaxPlaintext = 4096 - 16 - 1;

// With a given sender key and 16-byte salt (the RFC's worked example fixes both).
std::string encrypt(std::string_view plaintext, std::string_view subscriber_point, std::string_view auth_secret,
                    const P256Key& sender, std::string_view salt);
// With a fresh key and salt, as every message must be. Throws
// std::invalid_argument for a bad subscriber key or an oversized plaintext.
std::string encrypt(std::string_view plaintext, std::string_view subscriber_point, std::string_view auth_secret);

}  // namespace agora::push
