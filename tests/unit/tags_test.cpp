#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "core/snowflake.h"
#include "core/time.h"
#include "entities/instance_extras.h"
#include "store/tags.h"
#include "test_databases.h"
#include "text/emoji.h"
#include "text/hashtags.h"

using namespace agora;

TEST(Hashtags, NamesAreAcceptedAsMastodonsPatternDoes) {
  for (const char* ok : {"cats", "Cats", "c_3", "_a", "1a", "1_1", "___", "ハッシュタグ", "ハッシュ·タグ", "Ünïcödé"})
    EXPECT_TRUE(text::valid_hashtag_name(ok)) << ok;
  for (const char* bad : {"", "123", "a-b", "#cats", "a b", "cats!", "·a", "a·", "_", "🐘", "a.b"})
    EXPECT_FALSE(text::valid_hashtag_name(bad)) << bad;
  EXPECT_FALSE(text::valid_hashtag_name(std::string(256, 'a')));
  EXPECT_TRUE(text::valid_hashtag_name(std::string(255, 'a')));
  EXPECT_EQ(text::normalize_hashtag("CatsOfMastodon"), "catsofmastodon");
}

TEST(Emoji, OneUnicodeEmojiIsRecognised) {
  for (const char* ok : {"👍", "❤️", "❤", "🐘", "👍🏽", "👩‍💻", "🇫🇷", "1️⃣", "#⃣", "🏳️‍🌈"})
    EXPECT_TRUE(text::is_unicode_emoji(ok)) << ok;
  for (const char* bad : {"", "a", "1", "👍👍", "🇫", "smile", ":blobcat:", "❤x", "\xff"})
    EXPECT_FALSE(text::is_unicode_emoji(bad)) << bad;
}

TEST(DomainBlockEntity, ObfuscatesTheMiddleAndDigestsTheRealDomain) {
  model::PublicDomainBlock b{"really.bad.example", "suspend", "spam", true};
  auto j = entities::domain_block(b, false);
  EXPECT_EQ(j.at("domain").as_string(), "reall*.***.***mple");
  EXPECT_EQ(j.at("digest").as_string().size(), 64u);
  EXPECT_FALSE(j.contains("comment"));
  EXPECT_EQ(entities::domain_block(b, true).at("comment").as_string(), "spam");
}

class TagsStoreTest : public test_support::DatabaseTest {
 protected:
  int64_t account(const std::string& username) {
    auto c = db->acquire();
    int64_t id = next_id();
    c->execute("INSERT INTO accounts (id, username, uri, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
               {id, username, "https://example.org/users/" + username, now_ms(), now_ms()});
    return id;
  }
  void status(int64_t account_id, int64_t tag_id, int64_t at, bool deleted = false) {
    auto c = db->acquire();
    int64_t id = next_id();
    c->execute(
        "INSERT INTO statuses (id, account_id, uri, local, created_at, updated_at, deleted_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        {id, account_id, "https://example.org/s/" + std::to_string(id), true, at, at,
         deleted ? store::SqlValue{at} : store::SqlValue{}});
    c->execute("INSERT INTO statuses_tags (status_id, tag_id) VALUES (?, ?)", {id, tag_id});
  }
};
AGORA_ON_BOTH_DATABASES(TagsStoreTest);

TEST_P(TagsStoreTest, FindOrCreateGivesOneRowUnderConcurrency) {
  std::vector<std::thread> threads;
  std::vector<int64_t> ids(6);
  for (size_t i = 0; i < ids.size(); ++i)
    threads.emplace_back([&, i] {
      auto c = db->acquire();
      ids[i] = store::in_transaction(*c, [&] { return store::tags::find_or_create(*c, "race", "Race", now_ms()).id; });
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()).size(), 1u);
  auto c = db->acquire();
  auto tag = store::tags::find_by_name(*c, "race");
  ASSERT_TRUE(tag);
  EXPECT_EQ(tag->display_name, "Race");
}

TEST_P(TagsStoreTest, HistoryCountsUsesAndAuthorsPerDayZeroFilled) {
  constexpr int64_t kDay = 24LL * 3600 * 1000;
  int64_t today = now_ms() / kDay * kDay;
  auto c = db->acquire();
  auto tag = store::tags::find_or_create(*c, "cats", "cats", now_ms());
  int64_t alice = account("alice"), bob = account("bob");
  status(alice, tag.id, today + 1000);
  status(alice, tag.id, today + 2000);
  status(bob, tag.id, today + 3000);
  status(bob, tag.id, today - 2 * kDay + 5);
  status(bob, tag.id, today - 2 * kDay + 6, /*deleted=*/true);
  status(bob, tag.id, today - 9 * kDay);  // outside the week
  auto h = store::tags::history(*c, tag.id, today, 7);
  ASSERT_EQ(h.size(), 7u);
  EXPECT_EQ(h[0].day, today);
  EXPECT_EQ(h[0].uses, 3);
  EXPECT_EQ(h[0].accounts, 2);
  EXPECT_EQ(h[1].uses, 0);
  EXPECT_EQ(h[2].uses, 1);
  EXPECT_EQ(h[2].accounts, 1);
  EXPECT_EQ(h[6].day, today - 6 * kDay);

  auto suggested = store::tags::suggested_for(*c, alice, 10);
  ASSERT_EQ(suggested.size(), 1u);
  EXPECT_EQ(suggested[0].id, tag.id);
  auto featured = store::tags::insert_featured(*c, bob, tag, now_ms());
  EXPECT_EQ(featured.statuses_count, 3);  // the deleted one does not count
  EXPECT_EQ(featured.account_username, "bob");
  EXPECT_TRUE(store::tags::suggested_for(*c, bob, 10).empty());  // already featured
}
