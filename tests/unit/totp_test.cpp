#include <gtest/gtest.h>

#include "core/totp.h"

using namespace agora;

namespace {
// The RFC 6238 / RFC 4226 test key for HMAC-SHA1: ASCII "12345678901234567890".
const std::string kKey = "12345678901234567890";
}  // namespace

TEST(Totp, MatchesRfc4226HotpValues) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (uint64_t counter = 0; counter < 10; ++counter) EXPECT_EQ(totp::hotp(kKey, counter), expected[counter]);
}

TEST(Totp, MatchesRfc6238Sha1Vectors) {
  // Appendix B: eight-digit codes at the given Unix times (30-second steps).
  struct Vector {
    int64_t time;
    const char* code;
  };
  for (auto v : {Vector{59, "94287082"}, Vector{1111111109, "07081804"}, Vector{1111111111, "14050471"},
                 Vector{1234567890, "89005924"}, Vector{2000000000, "69279037"}, Vector{20000000000, "65353130"}}) {
    EXPECT_EQ(totp::hotp(kKey, static_cast<uint64_t>(totp::time_step(v.time)), 8), v.code) << v.time;
    EXPECT_EQ(totp::matching_step(kKey, v.code, v.time, 1, 8), totp::time_step(v.time)) << v.time;
  }
}

TEST(Totp, AcceptsOneStepOfDriftEitherWayAndNoMore) {
  int64_t now = 1700000015;  // the middle of a step
  int64_t step = totp::time_step(now);
  auto code_at = [&](int64_t s) { return totp::hotp(kKey, static_cast<uint64_t>(s)); };
  EXPECT_EQ(totp::matching_step(kKey, code_at(step), now), step);
  EXPECT_EQ(totp::matching_step(kKey, code_at(step - 1), now), step - 1);
  EXPECT_EQ(totp::matching_step(kKey, code_at(step + 1), now), step + 1);
  EXPECT_FALSE(totp::matching_step(kKey, code_at(step - 2), now));
  EXPECT_FALSE(totp::matching_step(kKey, code_at(step + 2), now));
  EXPECT_FALSE(totp::matching_step(kKey, "", now));
  EXPECT_FALSE(totp::matching_step(kKey, code_at(step) + "0", now));
  EXPECT_FALSE(totp::matching_step("another key", code_at(step), now));
}

TEST(Totp, Base32FollowsRfc4648) {
  EXPECT_EQ(totp::base32_encode(""), "");
  EXPECT_EQ(totp::base32_encode("f"), "MY");
  EXPECT_EQ(totp::base32_encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(totp::base32_decode("MZXW6YTBOI======"), "foobar");
  EXPECT_EQ(totp::base32_decode("mzxw 6ytb oi"), "foobar");  // as people type it
  EXPECT_FALSE(totp::base32_decode("MZXW1"));                // '1' is not in the alphabet
  std::string secret = totp::new_secret();
  EXPECT_EQ(secret.size(), 20u);
  EXPECT_EQ(totp::base32_decode(totp::base32_encode(secret)), secret);
  EXPECT_NE(totp::new_secret(), secret);
}
