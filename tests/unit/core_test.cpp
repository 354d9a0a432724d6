#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/crypto.h"
#include "core/snowflake.h"
#include "core/time.h"
#include "core/utf8.h"

using namespace agora;

TEST(Time, FormatsAsMastodon) {
  EXPECT_EQ(format_iso8601(1480000000123), "2016-11-24T15:06:40.123Z");
  EXPECT_EQ(format_date(1480000000123), "2016-11-24");
  EXPECT_EQ(format_http_date(1480000000123), "Thu, 24 Nov 2016 15:06:40 GMT");
}

TEST(Time, ParsesIso8601WithFractionsAndOffsets) {
  EXPECT_EQ(parse_iso8601("2016-11-24T15:06:40.123Z"), 1480000000123);
  EXPECT_EQ(parse_iso8601("2016-11-24T15:06:40Z"), 1480000000000);
  EXPECT_EQ(parse_iso8601("2016-11-24T17:06:40+02:00"), 1480000000000);
  EXPECT_EQ(parse_iso8601("2016-11-24T15:06:40.123456Z"), 1480000000123);
  EXPECT_FALSE(parse_iso8601("2016-11-24"));
  EXPECT_FALSE(parse_iso8601("2016-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_iso8601("yesterday"));
  EXPECT_FALSE(parse_iso8601("2016-11-24T15:06:40Zjunk"));
}

TEST(Snowflake, IdsAreUniqueAndOrderedAcrossThreads) {
  std::vector<std::vector<int64_t>> per_thread(4);
  std::vector<std::thread> threads;
  for (auto& ids : per_thread)
    threads.emplace_back([&ids] {
      for (int i = 0; i < 20000; ++i) ids.push_back(next_id());
    });
  for (auto& t : threads) t.join();
  std::set<int64_t> all;
  for (const auto& ids : per_thread) {
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
    all.insert(ids.begin(), ids.end());
  }
  EXPECT_EQ(all.size(), 80000u);
  int64_t id = next_id();
  EXPECT_LE(std::abs(id_time_ms(id) - now_ms()), 5000);
}

TEST(Snowflake, ParsesOnlyCanonicalIds) {
  EXPECT_EQ(parse_id("109372843234"), 109372843234);
  EXPECT_FALSE(parse_id(""));
  EXPECT_FALSE(parse_id("12a"));
  EXPECT_FALSE(parse_id("-5"));
  EXPECT_FALSE(parse_id("99999999999999999999"));
}

TEST(Utf8, AcceptsValidAndRejectsMalformed) {
  EXPECT_TRUE(valid_utf8("plain ascii"));
  EXPECT_TRUE(valid_utf8("Grüße, 世界, 🐘"));
  EXPECT_FALSE(valid_utf8("\xff"));
  EXPECT_FALSE(valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(valid_utf8("abc\xe2\x82"));       // truncated
}

TEST(Crypto, PasswordHashesVerifyOnlyTheRightPassword) {
  std::string hash = crypto::hash_password("correct horse");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(crypto::verify_password("correct horse", hash));
  EXPECT_FALSE(crypto::verify_password("wrong horse", hash));
  EXPECT_NE(hash, crypto::hash_password("correct horse"));  // salted
}

TEST(Crypto, GeneratesRsaKeyPairsAndTokens) {
  auto keys = crypto::generate_rsa_keypair(2048);
  EXPECT_NE(keys.private_pem.find("BEGIN PRIVATE KEY"), std::string::npos);
  EXPECT_NE(keys.public_pem.find("BEGIN PUBLIC KEY"), std::string::npos);
  std::string token = crypto::random_token(32);
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(token.find_first_of("+/="), std::string::npos);
  EXPECT_EQ(crypto::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
