// Proof Key for Code Exchange (RFC 7636), S256 only, as Mastodon 4.3 offers it.
#pragma once
#include <string>
#include <string_view>

namespace agora::services {

// BASE64URL(SHA256(verifier)), the challenge a client derives from its verifier.
std::string s256_challenge(std::string_view verifier);

// Whether a code exchange passes PKCE, as Doorkeeper decides it: without a
// challenge stored with the code, no verifier may be sent; with one, the
// verifier must hash to it.
bool pkce_satisfied(std::string_view stored_challenge, std::string_view stored_method, std::string_view verifier);

}  // namespace agora::services
