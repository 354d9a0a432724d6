#include "services/pkce.h"

#include "core/crypto.h"

namespace agora::services {

std::string s256_challenge(std::string_view verifier) { return crypto::base64url(crypto::sha256(verifier)); }

bool pkce_satisfied(std::string_view stored_challenge, std::string_view stored_method, std::string_view verifier) {
  if (stored_challenge.empty()) return verifier.empty();
  if (stored_method != "S256" || verifier.empty()) return false;
  return crypto::equal_secrets(s256_challenge(verifier), stored_challenge);
}

}  // namespace agora::services
