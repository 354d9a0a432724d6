// Sign-in rules on both databases: throttling, account states, two-factor
// codes used once, web sessions.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/config.h"
#include "core/errors.h"
#include "core/time.h"
#include "core/totp.h"
#include "services/accounts.h"
#include "services/sign_in.h"
#include "services/sign_in_throttle.h"
#include "services/two_factor.h"
#include "services/web_sessions.h"
#include "store/accounts.h"
#include "store/throttles.h"
#include "test_databases.h"

using namespace agora;

class SignInTest : public test_support::DatabaseTest {
 protected:
  Config config = load_config({{"AGORA_ENV", "test"}, {"AGORA_DOMAIN", "social.example.org"}});

  model::User create(const std::string& name, bool confirmed = true) {
    services::Context ctx{config, *db};
    auto created = services::create_local_account(
        ctx, {.username = name, .email = name + "@example.org", .password = "correct horse", .confirmed = confirmed});
    auto conn = db->acquire();
    return *store::accounts::find_user(*conn, created.user_id);
  }

  int status_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.status();
    }
    return 0;
  }
};
AGORA_ON_BOTH_DATABASES(SignInTest);

TEST_P(SignInTest, ThrottlesAnAccountAfterFiveFailuresEvenWithTheRightPassword) {
  services::Context ctx{config, *db};
  create("alice");
  for (int i = 0; i < services::kMaxSignInFailuresPerAccount; ++i)
    EXPECT_FALSE(services::check_password(ctx, "alice@example.org", "wrong", "198.51.100.1"));
  EXPECT_EQ(status_of([&] { services::check_password(ctx, "ALICE@example.org", "correct horse", "198.51.100.2"); }),
            429);
  auto conn = db->acquire();
  EXPECT_EQ(conn->query_one("SELECT failed_sign_in_attempts FROM users")->int64(0), 5);
}

TEST_P(SignInTest, ThrottlesAnAddressAcrossAccounts) {
  services::Context ctx{config, *db};
  create("bob");
  for (int i = 0; i < services::kMaxSignInFailuresPerAddress; ++i)
    EXPECT_FALSE(services::check_password(ctx, "nobody" + std::to_string(i) + "@example.org", "x", "198.51.100.9"));
  EXPECT_EQ(status_of([&] { services::check_password(ctx, "bob@example.org", "correct horse", "198.51.100.9"); }), 429);
  EXPECT_TRUE(services::check_password(ctx, "bob@example.org", "correct horse", "198.51.100.10"));
}

TEST_P(SignInTest, ThrottleWindowsEnd) {
  auto c = db->acquire();
  int64_t now = now_ms();
  EXPECT_EQ(store::throttles::hit(*c, "k", now, 1000), 1);
  EXPECT_EQ(store::throttles::hit(*c, "k", now + 10, 1000), 2);
  EXPECT_EQ(store::throttles::hits(*c, "k", now + 500, 1000), 2);
  EXPECT_EQ(store::throttles::hits(*c, "k", now + 1000, 1000), 0);
  EXPECT_EQ(store::throttles::hit(*c, "k", now + 1000, 1000), 1);  // a new window
}

TEST_P(SignInTest, RefusesUnconfirmedAndDisabledMembersWithMastodonsMessages) {
  services::Context ctx{config, *db};
  create("carol", false);
  try {
    services::sign_in_with_password(ctx, "carol@example.org", "correct horse", "198.51.100.1", "");
    FAIL() << "unconfirmed member signed in";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 403);
    EXPECT_EQ(e.message(), "You have to confirm your email address before continuing.");
  }
  auto dave = create("dave");
  db->acquire()->execute("UPDATE users SET disabled = ? WHERE id = ?", {true, dave.id});
  EXPECT_EQ(status_of([&] { services::sign_in_with_password(ctx, "dave@example.org", "correct horse", "1.1.1.1", ""); }),
            403);
  EXPECT_EQ(status_of([&] { services::sign_in_with_password(ctx, "dave@example.org", "wrong", "1.1.1.1", ""); }), 401);
}

TEST_P(SignInTest, TwoFactorCodesWorkOnceAndSessionsEndWithTheLogin) {
  services::Context ctx{config, *db};
  auto erin = create("erin");
  auto setup = services::totp_setup(ctx, erin, "social.example.org");
  ASSERT_FALSE(setup.enabled);
  EXPECT_EQ(setup.otpauth_uri.rfind("otpauth://totp/social.example.org:erin%40example.org?secret=", 0), 0u);
  auto key = *totp::base32_decode(setup.secret);
  // Codes are computed for the current step: keep clear of a step boundary.
  while (now_ms() / 1000 % totp::kStepSeconds >= totp::kStepSeconds - 3)
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  int64_t step = totp::time_step(now_ms() / 1000);
  auto code = [&](int64_t s) { return totp::hotp(key, static_cast<uint64_t>(s)); };

  EXPECT_EQ(status_of([&] { services::enable_totp(ctx, erin, "wrong password", code(step), "1.1.1.1"); }), 422);
  EXPECT_EQ(status_of([&] { services::enable_totp(ctx, erin, "correct horse", "000000", "1.1.1.1"); }), 422);
  services::enable_totp(ctx, erin, "correct horse", code(step - 1), "1.1.1.1");
  erin.otp_enabled = true;

  auto first = services::sign_in_with_password(ctx, "erin@example.org", "correct horse", "1.1.1.1", "/next");
  ASSERT_FALSE(first.challenge.empty());
  EXPECT_FALSE(services::sign_in_with_code(ctx, first.challenge, code(step - 1), "1.1.1.1"));  // already used
  auto done = services::sign_in_with_code(ctx, first.challenge, code(step), "1.1.1.1");
  ASSERT_TRUE(done);
  EXPECT_EQ(done->return_to, "/next");
  EXPECT_EQ(status_of([&] { services::sign_in_with_code(ctx, first.challenge, code(step + 1), "1.1.1.1"); }), 401);

  auto second = services::sign_in_with_password(ctx, "erin@example.org", "correct horse", "1.1.1.1", "");
  EXPECT_FALSE(services::sign_in_with_code(ctx, second.challenge, code(step), "1.1.1.1"));  // replay

  std::string token = services::start_web_session(ctx, erin, "test agent", "1.1.1.1");
  ASSERT_TRUE(services::find_web_session(ctx, token, "1.1.1.1"));
  EXPECT_EQ(services::find_web_session(ctx, token, "1.1.1.1")->account.username, "erin");
  db->acquire()->execute("UPDATE users SET disabled = ? WHERE id = ?", {true, erin.id});
  EXPECT_FALSE(services::find_web_session(ctx, token, "1.1.1.1"));
  db->acquire()->execute("UPDATE users SET disabled = ? WHERE id = ?", {false, erin.id});
  services::end_web_session(ctx, token);
  EXPECT_FALSE(services::find_web_session(ctx, token, "1.1.1.1"));
}
