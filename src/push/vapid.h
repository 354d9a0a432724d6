// Voluntary Application Server Identification (RFC 8292): the server signs a
// short-lived JWT (ES256) naming the push service's origin, and sends it with
// its public key in the Authorization header of every push.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "push/p256.h"

namespace agora::push {

// The origin of a push endpoint ("https://push.example:8443"), the JWT's
// audience; nullopt unless `endpoint` is an absolute http(s) URL.
std::optional<std::string> audience_of(std::string_view endpoint);

// A JWT {"typ":"JWT","alg":"ES256"}.{"aud","exp","sub"} signed by `key`.
std::string vapid_jwt(const P256Key& key, std::string_view audience, int64_t expires_at_s, std::string_view subject);
// "vapid t=<jwt>, k=<public key, base64url>".
std::string vapid_authorization(const P256Key& key, std::string_view audience, int64_t expires_at_s,
                                std::string_view subject);

}  // namespace agora::push
