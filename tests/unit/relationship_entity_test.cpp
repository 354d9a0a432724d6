// Pure parts of relationships: the Relationship entity, domain names,
// language codes and the id lists of statements.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "core/domain.h"
#include "core/languages.h"
#include "entities/relationship.h"
#include "store/statement.h"

using namespace agora;

TEST(RelationshipEntity, RendersMastodonsFieldsInOrder) {
  model::Relationship r;
  r.account_id = 42;
  r.following = true;
  r.languages = std::vector<std::string>{"en"};
  r.muting = true;
  r.muting_expires_at = 1700000000000;
  r.note = "hi";
  auto o = entities::relationship(r);
  std::vector<std::string> keys;
  for (const auto& kv : o) keys.emplace_back(kv.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "following", "showing_reblogs", "notifying", "languages",
                                            "followed_by", "blocking", "blocked_by", "muting", "muting_notifications",
                                            "muting_expires_at", "requested", "requested_by", "domain_blocking",
                                            "endorsed", "note"}));
  EXPECT_EQ(o.at("id"), "42");
  EXPECT_EQ(o.at("languages"), boost::json::array({"en"}));
  EXPECT_EQ(o.at("muting_expires_at"), "2023-11-14T22:13:20.000Z");
  EXPECT_TRUE(entities::relationship(model::Relationship{}).at("languages").is_null());
}

TEST(Domains, NormalizeLikeMastodon) {
  EXPECT_EQ(normalize_domain("Example.ORG"), "example.org");
  EXPECT_EQ(normalize_domain(" bücher.example/ "), "xn--bcher-kva.example");
  EXPECT_EQ(normalize_domain("under_score.example"), "under_score.example");
  EXPECT_EQ(normalize_domain("Spam.Example."), "spam.example");  // a fully qualified name
  EXPECT_FALSE(normalize_domain("."));
  EXPECT_FALSE(normalize_domain(""));
  EXPECT_FALSE(normalize_domain("two words.example"));
  EXPECT_FALSE(normalize_domain("a..b"));
  EXPECT_FALSE(normalize_domain("evil.example/path"));
  EXPECT_FALSE(normalize_domain(std::string(64, 'a') + ".example"));
  EXPECT_FALSE(normalize_domain("\xff.example"));
}

TEST(Languages, KnowsMastodonsCodes) {
  for (const char* code : {"en", "de", "zh-TW", "tok", "ckb"}) EXPECT_TRUE(supported_language(code)) << code;
  for (const char* code : {"", "EN", "english", "xx", "en-US"}) EXPECT_FALSE(supported_language(code)) << code;
}

TEST(Statement, PadsIdListsToFewLengths) {
  store::Statement s("SELECT 1 WHERE x IN ");
  s.add_id_list({7, 8, 9, 10, 11});
  EXPECT_EQ(s.sql(), "SELECT 1 WHERE x IN (" + std::string("?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?") + ")");
  store::Statement one("");
  one.add_id_list({1});
  EXPECT_EQ(one.sql(), "(?)");
  std::vector<int64_t> too_many(store::kMaxIdList + 1, 1);
  EXPECT_THROW(store::Statement("").add_id_list(too_many), std::invalid_argument);
}
