// Every account the store reads carries its user's role, built-in or custom,
// so that each Account entity shows the same one.
#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "core/snowflake.h"
#include "core/time.h"
#include "model/role.h"
#include "store/accounts.h"
#include "store/user_roles.h"
#include "test_databases.h"

using namespace agora;
using namespace agora::store;

namespace {

class AccountRolesTest : public test_support::DatabaseTest {
 protected:
  int64_t local(Connection& c, const std::string& username, const std::string& role) {
    model::NewLocalAccount a{.username = username, .email = username + "@example.org", .password_hash = "x",
                             .base_url = "https://ex.org"};
    auto created = accounts::insert_local(c, a, now_ms());
    user_roles::set_user_role(c, created.user_id, role, now_ms());
    return created.account_id;
  }
};
AGORA_ON_BOTH_DATABASES(AccountRolesTest);

}  // namespace

TEST_P(AccountRolesTest, BuiltInCustomAndVanishedRolesAreResolved) {
  auto c = db->acquire();
  int64_t now = now_ms();
  model::UserRole helper{next_id(), "Helper", "#ff8800", 5, 8, true, now, now};
  user_roles::insert(*c, helper);
  int64_t ada = local(*c, "ada", "user"), mod = local(*c, "mod", "moderator"), help = local(*c, "help", "Helper"),
          gone = local(*c, "gone", "Vanished");
  int64_t remote = next_id();
  c->execute("INSERT INTO accounts (id, username, domain, uri, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
             {remote, "rem", "far.example", "https://far.example/u/rem", now, now});

  auto one = accounts::find(*c, help);
  ASSERT_TRUE(one && one->user_role);
  EXPECT_EQ(one->user_role->id, helper.id);
  EXPECT_EQ(one->user_role->color, "#ff8800");
  EXPECT_TRUE(one->user_role->highlighted);
  EXPECT_EQ(accounts::find_local(*c, "HELP")->user_role->name, "Helper");

  std::map<int64_t, std::shared_ptr<const model::UserRole>> roles;
  for (const auto& a : accounts::find_many(*c, {ada, mod, help, gone, remote})) roles[a.id] = a.user_role;
  ASSERT_EQ(roles.size(), 5u);
  EXPECT_TRUE(roles[ada]->everyone());
  EXPECT_EQ(roles[mod]->name, "Moderator");
  EXPECT_TRUE(roles[mod]->highlighted);
  EXPECT_EQ(roles[help]->id, helper.id);
  EXPECT_TRUE(roles[gone]->everyone());  // a role that no longer exists is everyone's
  EXPECT_EQ(roles[remote], nullptr);     // remote accounts have no user
}
