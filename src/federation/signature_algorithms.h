// The asymmetric signature algorithms fediverse servers use, over OpenSSL 3,
// named as RFC 9421's registry names them. Keys are PEM text (public keys
// as SubjectPublicKeyInfo or PKCS#1; private keys as PKCS#8, PKCS#1 or SEC 1).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace agora::federation {

enum class Algorithm {
  rsa_v1_5_sha256,    // cavage "rsa-sha256"; what Mastodon signs with
  rsa_pss_sha512,
  ecdsa_p256_sha256,  // RFC 9421 wants the raw r||s form; cavage peers send DER
  ed25519,
};

std::optional<Algorithm> algorithm_named(std::string_view rfc9421_name);
std::string_view algorithm_name(Algorithm algorithm);

// What a key of this type signs with when the sender names no algorithm
// (cavage "hs2019", RFC 9421 without `alg`). nullopt: unreadable or unsupported key.
std::optional<Algorithm> default_algorithm_for(std::string_view public_pem);
// The same for a private key: what agora signs with it.
std::optional<Algorithm> signing_algorithm_for(std::string_view private_pem);
// Whether the key can verify `algorithm` (an RSA key cannot check Ed25519, …).
bool key_fits(std::string_view public_pem, Algorithm algorithm);

// False for a wrong signature and for an unreadable or unfit key.
bool verify_bytes(Algorithm algorithm, std::string_view public_pem, std::string_view data,
                  std::string_view signature);
// Throws std::runtime_error for an unreadable or unfit key.
std::string sign_bytes(Algorithm algorithm, std::string_view private_pem, std::string_view data);

}  // namespace agora::federation
