// The custom emoji accounts show (services/account_emojis.h), on SQLite and PostgreSQL.
#include "services/account_emojis.h"
#include "store/custom_emojis.h"
#include "test_databases.h"

using namespace agora;

class AccountEmojisTest : public test_support::DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    auto c = db->acquire();
    store::custom_emojis::insert_local(*c, 1, "blobcat", "custom_emojis/images/1/ours.png", "image/png", "Blobs", 0);
    store::custom_emojis::insert_local(*c, 2, "ours_only", "custom_emojis/images/2/ours.png", "image/png", "", 0);
    store::custom_emojis::insert_remote(*c, 3, {0, "blobcat", "remote.example", "https://remote.example/b.png", ""},
                                        "https://remote.example/emojis/3", 0);
    store::custom_emojis::set_remote_image(*c, 3, "https://remote.example/b.png", "cache/custom_emojis/3/b.png",
                                           "image/png", 0);
    store::custom_emojis::insert_remote(*c, 4, {0, "uncached", "remote.example", "https://remote.example/u.png", ""},
                                        "https://remote.example/emojis/4", 0);
  }

  static model::Account local() {
    model::Account a;
    a.id = 10;
    a.display_name = "Alice :blobcat:";
    a.note = "<p>rendered :ignored:</p>";
    a.note_source = "typed :ours_only: :unknown:";
    a.fields_source_json = R"([{"name":"pet :blobcat:","value":"x"}])";
    return a;
  }

  static model::Account remote() {
    model::Account a;
    a.id = 11;
    a.domain = "remote.example";
    a.display_name = ":uncached: Bob :ours_only:";
    a.note = "<p>hi</p>";
    a.fields_json = R"([{"name":"x","value":"<p>:blobcat:</p>"}])";
    return a;
  }

  static std::vector<std::string> shortcodes(const model::Account& a) {
    std::vector<std::string> out;
    for (const auto& e : a.emojis) out.push_back(e.shortcode);
    return out;
  }
};
AGORA_ON_BOTH_DATABASES(AccountEmojisTest);

TEST_P(AccountEmojisTest, ShortcodesComeFromNameBioAndFieldsAsTypedForLocalAccounts) {
  EXPECT_EQ(services::account_emoji_shortcodes(local()),
            (std::vector<std::string>{"blobcat", "ours_only", "unknown", "blobcat"}));
  EXPECT_EQ(services::account_emoji_shortcodes(remote()),
            (std::vector<std::string>{"uncached", "ours_only", "blobcat"}));
}

TEST_P(AccountEmojisTest, LocalAccountsShowOursAndRemoteOnesTheirServersCachedEmoji) {
  auto c = db->acquire();
  std::vector<model::Account> accounts{local(), remote()};
  services::attach_emojis(*c, accounts);
  EXPECT_EQ(shortcodes(accounts[0]), (std::vector<std::string>{"blobcat", "ours_only"}));
  EXPECT_EQ(accounts[0].emojis[0].image_url, "custom_emojis/images/1/ours.png");
  EXPECT_TRUE(accounts[0].emojis[0].visible_in_picker);
  // Never our namesake, never an image not cached yet.
  EXPECT_EQ(shortcodes(accounts[1]), std::vector<std::string>{"blobcat"});
  EXPECT_EQ(accounts[1].emojis[0].image_url, "cache/custom_emojis/3/b.png");
  EXPECT_FALSE(accounts[1].emojis[0].visible_in_picker);
}

TEST_P(AccountEmojisTest, SuspendedAccountsShowNone) {
  auto c = db->acquire();
  auto a = local();
  a.suspended_at = 1;
  services::attach_emojis(*c, a);
  EXPECT_TRUE(a.emojis.empty());
}
