// Web Push crypto: RFC 8291's worked example (section 5 / appendix A: fixed
// keys and salt give one exact body) and RFC 8292 VAPID tokens that verify.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/crypto.h"
#include "push/encryption.h"
#include "push/p256.h"
#include "push/vapid.h"

using namespace agora;

namespace {

std::string b64url_decode(std::string text) {
  for (char& c : text) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (text.size() % 4) text.push_back('=');
  auto out = crypto::base64_decode(text);
  if (!out) throw std::runtime_error("bad base64url in test data");
  return *out;
}

// RFC 8291 appendix A.
constexpr const char* kPlaintext = "When I grow up, I want to be a watermelon";
constexpr const char* kSenderPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr const char* kSenderPublic =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
constexpr const char* kSubscriberPublic =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
constexpr const char* kAuthSecret = "BTBZMqHH6r4Tts7J_aSIgg";
constexpr const char* kSalt = "DGv6ra1nlYgDCS1FRnbzlw";
constexpr const char* kBody =
    "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
    "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
    "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

TEST(WebPushEncryption, MatchesTheWorkedExampleOfRfc8291) {
  auto sender = push::P256Key::from_raw(b64url_decode(kSenderPrivate), b64url_decode(kSenderPublic));
  EXPECT_EQ(crypto::base64url(sender.public_point()), kSenderPublic);
  std::string body = push::encrypt(kPlaintext, b64url_decode(kSubscriberPublic), b64url_decode(kAuthSecret), sender,
                                   b64url_decode(kSalt));
  EXPECT_EQ(crypto::base64url(body), kBody);
}

TEST(WebPushEncryption, FreshKeyAndSaltForEveryMessage) {
  std::string a = push::encrypt(kPlaintext, b64url_decode(kSubscriberPublic), b64url_decode(kAuthSecret));
  std::string b = push::encrypt(kPlaintext, b64url_decode(kSubscriberPublic), b64url_decode(kAuthSecret));
  ASSERT_EQ(a.size(), std::string(b64url_decode(kBody)).size());
  EXPECT_NE(a.substr(0, 16), b.substr(0, 16));    // salt
  EXPECT_NE(a.substr(21, 65), b.substr(21, 65));  // one-time public key
}

TEST(WebPushEncryption, RefusesKeysOffTheCurveAndOversizedPayloads) {
  std::string point = b64url_decode(kSubscriberPublic);
  point[40] ^= 0x01;
  EXPECT_FALSE(push::valid_public_point(point));
  EXPECT_FALSE(push::valid_public_point("short"));
  EXPECT_TRUE(push::valid_public_point(b64url_decode(kSubscriberPublic)));
  EXPECT_THROW(push::encrypt(kPlaintext, point, b64url_decode(kAuthSecret)), std::invalid_argument);
  EXPECT_THROW(push::encrypt(std::string(push::kMaxPlaintext + 1, 'x'), b64url_decode(kSubscriberPublic),
                             b64url_decode(kAuthSecret)),
               std::invalid_argument);
}

TEST(Vapid, TokenVerifiesWithThePublicKeyAndNamesTheAudience) {
  auto key = push::P256Key::generate();
  auto restored = push::P256Key::from_private_pem(key.private_pem());
  EXPECT_EQ(restored.public_point(), key.public_point());

  ASSERT_EQ(push::audience_of("https://push.example:8443/send/abc?x=1").value_or(""), "https://push.example:8443");
  EXPECT_EQ(push::audience_of("https://push.example/send").value_or(""), "https://push.example");
  EXPECT_FALSE(push::audience_of("ftp://push.example/"));

  std::string header = push::vapid_authorization(restored, "https://push.example", 1700000000, "mailto:a@b.example");
  ASSERT_EQ(header.rfind("vapid t=", 0), 0u);
  auto comma = header.find(", k=");
  ASSERT_NE(comma, std::string::npos);
  std::string jwt = header.substr(8, comma - 8);
  EXPECT_EQ(header.substr(comma + 4), crypto::base64url(key.public_point()));

  auto dot1 = jwt.find('.'), dot2 = jwt.rfind('.');
  ASSERT_NE(dot1, dot2);
  auto head = boost::json::parse(b64url_decode(jwt.substr(0, dot1))).as_object();
  auto claims = boost::json::parse(b64url_decode(jwt.substr(dot1 + 1, dot2 - dot1 - 1))).as_object();
  EXPECT_EQ(head.at("alg").as_string(), "ES256");
  EXPECT_EQ(claims.at("aud").as_string(), "https://push.example");
  EXPECT_EQ(claims.at("exp").as_int64(), 1700000000);
  EXPECT_EQ(claims.at("sub").as_string(), "mailto:a@b.example");

  // Verified with the public key alone, as the push service does.
  auto verifier = push::P256Key::from_public_point(b64url_decode(header.substr(comma + 4)));
  std::string signature = b64url_decode(jwt.substr(dot2 + 1));
  EXPECT_EQ(signature.size(), 64u);
  EXPECT_TRUE(verifier.verify_es256(jwt.substr(0, dot2), signature));
  signature[5] ^= 0x01;
  EXPECT_FALSE(verifier.verify_es256(jwt.substr(0, dot2), signature));
  EXPECT_FALSE(push::P256Key::generate().verify_es256(jwt.substr(0, dot2), b64url_decode(jwt.substr(dot2 + 1))));
}

}  // namespace
