#include "push/vapid.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/crypto.h"
#include "federation/url.h"

namespace agora::push {

std::optional<std::string> audience_of(std::string_view endpoint) {
  auto url = federation::parse_http_url(endpoint);
  if (!url) return std::nullopt;
  return url->scheme + "://" + url->authority();
}

std::string vapid_jwt(const P256Key& key, std::string_view audience, int64_t expires_at_s, std::string_view subject) {
  boost::json::object header{{"typ", "JWT"}, {"alg", "ES256"}};
  boost::json::object claims{{"aud", audience}, {"exp", expires_at_s}, {"sub", subject}};
  std::string signing_input =
      crypto::base64url(boost::json::serialize(header)) + "." + crypto::base64url(boost::json::serialize(claims));
  return signing_input + "." + crypto::base64url(key.sign_es256(signing_input));
}

std::string vapid_authorization(const P256Key& key, std::string_view audience, int64_t expires_at_s,
                                std::string_view subject) {
  return "vapid t=" + vapid_jwt(key, audience, expires_at_s, subject) + ", k=" + crypto::base64url(key.public_point());
}

}  // namespace agora::push
