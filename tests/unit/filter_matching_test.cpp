// The filter matcher: keywords as Mastodon's regular expressions match them,
// statuses by id, and the context a filter applies to.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "entities/filter.h"
#include "services/filter_matching.h"

using namespace agora;

namespace {

model::Filter keyword_filter(std::vector<std::pair<std::string, bool>> keywords,
                             std::vector<std::string> context = {"home"}) {
  static int64_t next = 1;
  model::Filter f;
  f.id = next++;
  f.title = "filter " + std::to_string(f.id);
  f.context = std::move(context);
  for (auto& [k, whole] : keywords) f.keywords.push_back({next++, k, whole});
  return f;
}

model::Status status(int64_t id = 100, std::optional<int64_t> reblog_of = std::nullopt) {
  model::Status s;
  s.id = id;
  s.reblog_of_id = reblog_of;
  return s;
}

// The keyword match for one keyword, or "" when none.
std::string match(const std::string& keyword, bool whole_word, const std::string& text) {
  auto results = services::match_filters({keyword_filter({{keyword, whole_word}})}, "home", status(), text);
  if (results.empty()) return "";
  EXPECT_EQ(results[0].keyword_matches.size(), 1u);
  return results[0].keyword_matches.at(0);
}

}  // namespace

TEST(FilterMatching, SubstringKeywordsMatchInsideWordsIgnoringCase) {
  EXPECT_EQ(match("bad", false, "This is BADLY done"), "BAD");
  EXPECT_EQ(match("Bad Word", false, "a bad word here"), "bad word");
  EXPECT_EQ(match("bad", false, "nothing to see"), "");
}

TEST(FilterMatching, WholeWordKeywordsNeedWordBoundaries) {
  EXPECT_EQ(match("cat", true, "concatenate"), "");
  EXPECT_EQ(match("cat", true, "cats"), "");
  EXPECT_EQ(match("cat", true, "a Cat!"), "Cat");
  EXPECT_EQ(match("cat", true, "cat"), "cat");
  EXPECT_EQ(match("cat", true, "(cat)"), "cat");
  EXPECT_EQ(match("cat", true, "my_cat"), "");  // '_' is a word character
  // The second occurrence counts when the first is inside a word.
  EXPECT_EQ(match("cat", true, "concat then CAT."), "CAT");
}

TEST(FilterMatching, NonWordEdgesOfAKeywordNeedNoBoundary) {
  // Mastodon puts \b only next to a keyword's word characters.
  EXPECT_EQ(match("#tag", true, "see foo#tag now"), "#tag");
  EXPECT_EQ(match("#tag", true, "#tagged"), "");  // the end is a word character
  EXPECT_EQ(match("c++", true, "I like c++programming"), "c++");
  EXPECT_EQ(match("c++", true, "abc++"), "");  // the start is a word character
  EXPECT_EQ(match("!!", true, "wow!!!"), "!!");
}

TEST(FilterMatching, UnicodeLettersAreWordCharactersAndFoldCase) {
  EXPECT_EQ(match("café", true, "Un CAFÉ noir"), "CAFÉ");
  EXPECT_EQ(match("café", true, "cafés"), "");
  EXPECT_EQ(match("été", true, "étés"), "");
  EXPECT_EQ(match("привет", true, "Привет, мир"), "Привет");
  EXPECT_EQ(match("привет", false, "ПРИВЕТСТВИЕ"), "ПРИВЕТ");
  EXPECT_EQ(match("Ωmega", false, "the ωMEGA point"), "ωMEGA");
  // Scripts without spaces match inside text when not whole-word.
  EXPECT_EQ(match("猫", false, "私の猫です"), "猫");
  // Emoji are not word characters: a whole-word emoji keyword matches anywhere.
  EXPECT_EQ(match("🐈", true, "cat🐈cat"), "🐈");
}

TEST(FilterMatching, TheLeftmostMatchOfAFilterIsReported) {
  auto f = keyword_filter({{"zebra", false}, {"apple", false}});
  auto r = services::match_filters({f}, "home", status(), "An apple and a zebra");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].keyword_matches, std::vector<std::string>{"apple"});
  EXPECT_TRUE(r[0].status_matches.empty());
  EXPECT_EQ(r[0].filter.id, f.id);
}

TEST(FilterMatching, OnlyFiltersOfTheContextApply) {
  auto home = keyword_filter({{"spoiler", false}}, {"home", "public"});
  auto thread = keyword_filter({{"spoiler", false}}, {"thread"});
  auto r = services::match_filters({home, thread}, "public", status(), "big spoiler");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].filter.id, home.id);
  EXPECT_TRUE(services::match_filters({home, thread}, "notifications", status(), "big spoiler").empty());
}

TEST(FilterMatching, StatusesMatchByTheirIdOrWhatTheyBoost) {
  model::Filter f = keyword_filter({});
  f.statuses = {{1, 555}, {2, 777}};
  auto r = services::match_filters({f}, "home", status(555), "anything");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status_matches, std::vector<std::string>{"555"});
  EXPECT_TRUE(r[0].keyword_matches.empty());
  r = services::match_filters({f}, "home", status(900, 777), "");  // a boost of a filtered status
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].status_matches, std::vector<std::string>{"777"});
  EXPECT_TRUE(services::match_filters({f}, "home", status(901, 902), "").empty());
}

TEST(FilterMatching, FiltersWithoutMatchesOrKeywordsAreLeftOut) {
  model::Filter empty = keyword_filter({});
  EXPECT_TRUE(services::match_filters({empty}, "home", status(), "text").empty());
  EXPECT_TRUE(services::match_filters({keyword_filter({{"", false}})}, "home", status(), "text").empty());
  EXPECT_TRUE(services::match_filters({}, "home", status(), "text").empty());
}

TEST(FilterMatching, ResultsRenderAsMastodonsFilterResult) {
  auto f = keyword_filter({{"bad", false}});
  f.id = 42;
  f.title = "Bad things";
  auto r = services::match_filters({f}, "home", status(), "so bad");
  ASSERT_EQ(r.size(), 1u);
  auto json = boost::json::serialize(entities::filter_result(r[0]));
  EXPECT_EQ(json,
            R"({"filter":{"id":"42","title":"Bad things","context":["home"],"expires_at":null,"filter_action":"warn"},)"
            R"("keyword_matches":["bad"],"status_matches":null})");
}
