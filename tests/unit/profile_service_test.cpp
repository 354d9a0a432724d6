// Editing and finding accounts through the services, on SQLite and PostgreSQL.
#include <boost/json.hpp>

#include <filesystem>

#include "core/errors.h"
#include "core/time.h"
#include "entities/account.h"
#include "media/default_images.h"
#include "services/account_lookup.h"
#include "services/accounts.h"
#include "services/profile.h"
#include "services/storage.h"
#include "store/accounts.h"
#include "test_databases.h"

using namespace agora;
namespace json = boost::json;

class ProfileServiceTest : public test_support::DatabaseTest {
 protected:
  std::filesystem::path data_dir =
      std::filesystem::temp_directory_path() / ("agora_profile_" + std::to_string(::getpid()) + "_" +
                                                 std::to_string(reinterpret_cast<uintptr_t>(this)));
  Config config = load_config({{"AGORA_ENV", "test"},
                               {"AGORA_DOMAIN", "social.example.org"},
                               {"AGORA_DATA_DIR", data_dir.string()}});

  void TearDown() override {
    std::filesystem::remove_all(data_dir);
    DatabaseTest::TearDown();
  }

  services::Context ctx() { return {config, *db}; }

  services::Auth member(const std::string& username, bool confirmed = true) {
    auto c = ctx();
    auto created = services::create_local_account(
        c, {.username = username, .email = username + "@example.org", .password = "long enough", .confirmed = confirmed});
    auto conn = db->acquire();
    services::Auth auth;
    auth.user = store::accounts::find_user(*conn, created.user_id);
    auth.account = store::accounts::find(*conn, created.account_id);
    return auth;
  }

  Error failure(const services::Auth& auth, const services::ProfileUpdate& u) {
    auto c = ctx();
    try {
      services::update_profile(c, auth, u);
    } catch (const Error& e) {
      return e;
    }
    return Error(0, "no error");
  }

  void sql(const std::string& statement, store::SqlArgs args) { db->acquire()->execute(statement, args); }
};
AGORA_ON_BOTH_DATABASES(ProfileServiceTest);

TEST_P(ProfileServiceTest, StoresTheProfileRenderedAndAsTyped) {
  auto alice = member("alice");
  auto c = ctx();
  services::ProfileUpdate u;
  u.display_name = "  Alice  ";
  u.note = "Hello #fedi\n\nsee https://example.org";
  u.fields = std::vector<services::ProfileField>{{"Web", "https://alice.example"}, {" ", " "}, {"Pronouns", "she/her"}};
  u.locked = true;
  u.bot = true;
  u.privacy = "unlisted";
  u.language = "de";
  auto creds = services::update_profile(c, alice, u);
  EXPECT_EQ(creds.account.display_name, "Alice");
  EXPECT_EQ(creds.account.note_source, "Hello #fedi\n\nsee https://example.org");
  EXPECT_TRUE(creds.account.note.starts_with("<p>Hello <a href=\"https://social.example.org/tags/fedi\""));
  EXPECT_EQ(creds.account.actor_type, "Service");

  json::object rendered = entities::credential_account(creds.account, creds.user, creds.follow_requests_count,
                                                        {"https://social.example.org", "https://social.example.org/system"});
  EXPECT_EQ(rendered.at("locked"), true);
  EXPECT_EQ(rendered.at("bot"), true);
  ASSERT_EQ(rendered.at("fields").as_array().size(), 2u);  // the blank pair is dropped
  EXPECT_TRUE(rendered.at("fields").at(0).at("value").as_string().starts_with("<a href=\"https://alice.example\""));
  EXPECT_EQ(rendered.at("source").at("fields").at(0).at("value"), "https://alice.example");
  EXPECT_EQ(rendered.at("source").at("privacy"), "unlisted");
  EXPECT_EQ(rendered.at("source").at("language"), "de");
  EXPECT_EQ(rendered.at("source").at("note"), "Hello #fedi\n\nsee https://example.org");

  // Clearing the language and keeping the rest.
  services::ProfileUpdate clear;
  clear.language = "";
  creds = services::update_profile(c, alice, clear);
  EXPECT_EQ(model::parse_preferences(creds.user.preferences_json).default_language, std::nullopt);
  EXPECT_EQ(model::parse_preferences(creds.user.preferences_json).default_visibility, "unlisted");
  EXPECT_EQ(creds.account.display_name, "Alice");
}

TEST_P(ProfileServiceTest, KeepsAFieldVerifiedWhileItsValueStays) {
  auto alice = member("alice");
  sql("UPDATE accounts SET fields_source = ? WHERE id = ?",
      {R"([{"name":"Web","value":"https://alice.example","verified_at":"2024-01-01T00:00:00.000Z"}])", alice.account->id});
  auto c = ctx();
  services::ProfileUpdate u;
  u.fields = std::vector<services::ProfileField>{{"Site", "https://alice.example"}, {"Other", "https://other.example"}};
  auto creds = services::update_profile(c, alice, u);
  auto fields = json::parse(creds.account.fields_json).as_array();
  EXPECT_EQ(fields.at(0).at("verified_at"), "2024-01-01T00:00:00.000Z");
  EXPECT_TRUE(fields.at(1).at("verified_at").is_null());
}

TEST_P(ProfileServiceTest, RefusesBrokenRulesWithMastodonsMessagesAndChangesNothing) {
  auto alice = member("alice");
  services::ProfileUpdate u;
  u.display_name = std::string(31, 'x');
  u.note = std::string(501, 'y');
  u.fields = std::vector<services::ProfileField>(5, {"a", "b"});
  u.privacy = "direct";
  u.avatar = "<svg onload=alert(1)>";
  Error e = failure(alice, u);
  EXPECT_EQ(e.status(), 422);
  EXPECT_EQ(e.message(),
            "Validation failed: Avatar content type is invalid, Avatar is invalid, Display name is too long (maximum "
            "is 30 characters), Note is too long (maximum is 500 characters), Fields is too long (maximum is 4 "
            "characters), Source privacy is not included in the list");
  EXPECT_EQ(e.details().at("display_name").at(0).at("error"), "ERR_TOO_LONG");
  EXPECT_EQ(e.details().at("source[privacy]").at(0).at("error"), "ERR_INCLUSION");

  services::ProfileUpdate missing_label;
  missing_label.fields = std::vector<services::ProfileField>{{"", "value without a name"}};
  EXPECT_EQ(failure(alice, missing_label).details().at("fields").at(0).at("error"),
            "ERR_FIELDS_WITH_VALUES_MISSING_LABELS");

  auto conn = db->acquire();
  auto account = store::accounts::find(*conn, alice.account->id);
  EXPECT_EQ(account->display_name, "");
  EXPECT_EQ(account->note_source, "");
  EXPECT_EQ(account->avatar_file, "");
  EXPECT_FALSE(std::filesystem::exists(data_dir / "system"));  // no orphaned upload
}

TEST_P(ProfileServiceTest, CountsNotesAsMastodonDoes) {
  auto alice = member("alice");
  services::ProfileUpdate u;
  u.note = "https://example.org/" + std::string(600, 'a') + " " + std::string(470, 'b');  // a link counts 23
  EXPECT_EQ(failure(alice, u).status(), 0);
  u.display_name = std::string(30, 'x') + "\xCC\x81";  // 31 code points
  EXPECT_EQ(failure(alice, u).status(), 422);
}

TEST_P(ProfileServiceTest, StoresReplacesAndRemovesImages) {
  auto alice = member("alice");
  auto c = ctx();
  auto files = services::file_storage(c);
  services::ProfileUpdate u;
  u.avatar = std::string(media::missing_avatar_png());
  auto first = services::update_profile(c, alice, u).account.avatar_file;
  EXPECT_TRUE(first.starts_with("accounts/avatars/" + std::to_string(alice.account->id) + "/"));
  EXPECT_TRUE(first.ends_with(".png"));
  EXPECT_EQ(files->read(first), std::string(media::missing_avatar_png()));

  auto second = services::update_profile(c, alice, u).account.avatar_file;
  EXPECT_NE(first, second);
  EXPECT_EQ(files->read(first), std::nullopt);  // the old file is gone
  EXPECT_TRUE(files->read(second));

  u.avatar = std::string(2 * 1024 * 1024, '\0');
  EXPECT_EQ(failure(alice, u).details().at("avatar").at(0).at("error"), "ERR_LESS_THAN");

  auto removed = services::remove_profile_image(c, alice, services::ProfileImage::avatar);
  EXPECT_EQ(removed.account.avatar_file, "");
  EXPECT_EQ(files->read(second), std::nullopt);
}

TEST_P(ProfileServiceTest, FindsOnlyAccountsOthersMaySee) {
  auto alice = member("alice");
  member("pending", false);
  auto c = ctx();
  EXPECT_EQ(services::find_account(c, std::to_string(alice.account->id)).username, "alice");
  EXPECT_EQ(services::lookup_account(c, "@Alice@social.example.org").id, alice.account->id);
  auto status = [&](auto f) {
    try {
      f();
    } catch (const Error& e) {
      return e.status();
    }
    return 200;
  };
  EXPECT_EQ(status([&] { services::lookup_account(c, "pending"); }), 404);
  EXPECT_EQ(status([&] { services::lookup_account(c, "alice@elsewhere.example"); }), 404);
  EXPECT_EQ(status([&] { services::find_account(c, "12abc"); }), 404);
  EXPECT_EQ(status([&] { services::find_account(c, "999"); }), 404);

  std::vector<std::string> ids{std::to_string(alice.account->id), "999", std::to_string(alice.account->id)};
  auto found = services::accounts_by_ids(c, ids);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(status([&] {
              std::vector<std::string> many;
              for (int i = 1; i <= 41; ++i) many.push_back(std::to_string(i));
              services::accounts_by_ids(c, many);
            }),
            422);
}

TEST_P(ProfileServiceTest, SearchesByPrefixExactMatchesFirst) {
  auto al = member("al");
  auto alice = member("alice");
  auto albert = member("albert");
  member("alpending", false);
  sql("UPDATE accounts SET display_name = 'Zed Alpha' WHERE id = ?", {albert.account->id});
  auto zed = member("zed");
  sql("UPDATE accounts SET followers_count = 10 WHERE id = ?", {alice.account->id});
  sql("INSERT INTO accounts (id, username, domain, uri, created_at, updated_at) VALUES (?, 'alfred', 'remote.example', "
      "'https://remote.example/users/alfred', 0, 0)",
      {int64_t{4242}});
  auto c = ctx();
  auto names = [&](services::AccountSearchRequest r) {
    std::vector<std::string> out;
    for (const auto& a : services::search_accounts(c, r)) out.push_back(a.acct());
    return out;
  };
  EXPECT_EQ(names({.query = "al", .viewer = zed.account->id}),
            (std::vector<std::string>{"al", "alice", "albert", "alfred@remote.example"}));
  EXPECT_EQ(names({.query = "@ALI"}), (std::vector<std::string>{"alice"}));
  EXPECT_EQ(names({.query = "alp"}), (std::vector<std::string>{"albert"}));  // a word of the display name
  EXPECT_EQ(names({.query = "al@remote"}), (std::vector<std::string>{"alfred@remote.example"}));
  EXPECT_EQ(names({.query = "al@social.example.org", .limit = 1}), (std::vector<std::string>{"al"}));
  EXPECT_EQ(names({.query = "al", .limit = 2, .offset = 1}), (std::vector<std::string>{"alice", "albert"}));
  EXPECT_EQ(names({.query = "%"}), std::vector<std::string>{});
  EXPECT_EQ(names({.query = "  "}), std::vector<std::string>{});

  sql("INSERT INTO follows (id, account_id, target_account_id, created_at) VALUES (1, ?, ?, 0)",
      {zed.account->id, albert.account->id});
  EXPECT_EQ(names({.query = "al", .following = true, .viewer = zed.account->id}),
            (std::vector<std::string>{"albert"}));
  sql("UPDATE accounts SET suspended_at = 1 WHERE id = ?", {albert.account->id});
  EXPECT_EQ(names({.query = "alb"}), std::vector<std::string>{});
}
