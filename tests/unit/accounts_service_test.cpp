#include <boost/json.hpp>

#include "core/crypto.h"
#include "core/errors.h"
#include "services/accounts.h"
#include "test_databases.h"

using namespace agora;

class AccountsServiceTest : public test_support::DatabaseTest {
 protected:
  Config config = load_config({{"AGORA_ENV", "test"}, {"AGORA_DOMAIN", "social.example.org"}});
  services::CreateAccountRequest valid{.username = "alice", .email = "alice@example.org", .password = "long enough"};

  Error failure(const services::CreateAccountRequest& r) {
    services::Context ctx{config, *db};
    try {
      services::create_local_account(ctx, r);
    } catch (const Error& e) {
      return e;
    }
    return Error(0, "no error");
  }
};
AGORA_ON_BOTH_DATABASES(AccountsServiceTest);

TEST_P(AccountsServiceTest, CreatesAnAccountWithKeysAndAHashedPassword) {
  services::Context ctx{config, *db};
  auto created = services::create_local_account(ctx, valid);
  auto c = db->acquire();
  auto row = c->query_one(
      "SELECT a.uri, a.public_key_pem, a.private_key_pem, u.password_hash, u.role FROM accounts a "
      "JOIN users u ON u.account_id = a.id WHERE a.id = ?",
      {created.account_id});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "https://social.example.org/users/alice");
  EXPECT_NE(row->text(1).find("BEGIN PUBLIC KEY"), std::string::npos);
  EXPECT_NE(row->text(2).find("PRIVATE KEY"), std::string::npos);
  EXPECT_TRUE(crypto::verify_password("long enough", row->text(3)));
  EXPECT_EQ(row->text(4), "user");
}

TEST_P(AccountsServiceTest, ReportsEveryBrokenRuleLikeMastodon) {
  Error e = failure({.username = "no spaces!", .email = "not-an-email", .password = "short"});
  EXPECT_EQ(e.status(), 422);
  EXPECT_TRUE(e.message().starts_with("Validation failed: Username"));
  EXPECT_EQ(e.details().at("username").at(0).at("error").as_string(), "ERR_INVALID");
  EXPECT_EQ(e.details().at("email").at(0).at("error").as_string(), "ERR_INVALID");
  EXPECT_EQ(e.details().at("password").at(0).at("error").as_string(), "ERR_TOO_SHORT");
  EXPECT_EQ(failure({.username = "admin", .email = "a@b.org", .password = "long enough"}).details().at("username").at(0).at("error").as_string(),
            "ERR_RESERVED");
  EXPECT_EQ(failure({.username = std::string(31, 'a'), .email = "a@b.org", .password = "long enough"}).status(), 422);
}

TEST_P(AccountsServiceTest, RefusesTakenUsernamesAndEmailsAndWritesNothing) {
  services::Context ctx{config, *db};
  services::create_local_account(ctx, valid);
  Error e = failure({.username = "ALICE", .email = "Alice@Example.org", .password = "long enough"});
  EXPECT_EQ(e.status(), 422);
  EXPECT_EQ(e.details().at("username").at(0).at("error").as_string(), "ERR_TAKEN");
  EXPECT_EQ(e.details().at("email").at(0).at("error").as_string(), "ERR_TAKEN");
  auto c = db->acquire();
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM accounts")->int64(0), 1);
  EXPECT_EQ(c->query_one("SELECT COUNT(*) FROM users")->int64(0), 1);
}
