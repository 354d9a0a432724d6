// The pure pieces of the public pages: RSS dates, summaries cut at
// characters, and markup built from entities escaping what it must.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "web/public_html.h"
#include "web/rss.h"

namespace json = boost::json;
using namespace agora::web;

TEST(PublicPages, Rfc822DatesCarryTheWeekday) {
  EXPECT_EQ(rfc822_date("2026-11-26T21:05:07.000Z"), "Thu, 26 Nov 2026 21:05:07 +0000");
  EXPECT_EQ(rfc822_date("2024-02-29T00:00:00Z"), "Thu, 29 Feb 2024 00:00:00 +0000");
  EXPECT_EQ(rfc822_date("2023-02-29T00:00:00Z"), "");  // no such day
  EXPECT_EQ(rfc822_date("not a date"), "");
}

TEST(PublicPages, SummaryCutsAtCharactersNotBytes) {
  json::object status{{"content", "<p>héllo wörld &amp; more</p>"}, {"spoiler_text", ""}};
  EXPECT_EQ(status_summary(status), "héllo wörld & more");
  EXPECT_EQ(status_summary(status, 7), "héllo w…");
  status["spoiler_text"] = "exam answers";
  EXPECT_EQ(status_summary(status), "CW: exam answers");  // the warned text stays out of previews
}

TEST(PublicPages, AccountCardEscapesNamesAndShowsEmojiAsImages) {
  json::object account{
      {"username", "alice"}, {"acct", "alice"}, {"display_name", "<script>x</script> :wave:"},
      {"url", "https://social.example/@alice"}, {"avatar_static", "https://social.example/a.png\" onerror=\"x"},
      {"note", "<p>bio</p>"}, {"fields", json::array{json::object{{"name", "Site"},
                                                                   {"value", "<a href=\"https://a.example\" rel=\"nofollow noopener\">a</a>"},
                                                                   {"verified_at", nullptr}}}},
      {"emojis", json::array{json::object{{"shortcode", "wave"}, {"static_url", "https://social.example/w.png"}}}}};
  auto html = account_card(account);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("\" onerror=\""), std::string::npos);
  EXPECT_NE(html.find("<img class=\"emoji\" src=\"https://social.example/w.png\" alt=\":wave:\""), std::string::npos);
  EXPECT_NE(html.find("rel=\"me nofollow noopener\""), std::string::npos);
  EXPECT_NE(html.find("@alice@social.example"), std::string::npos);
}

TEST(PublicPages, RssEscapesContentAndLeavesFeedsWellFormed) {
  json::array statuses{json::object{{"url", "https://social.example/@alice/1"},
                                    {"created_at", "2026-11-26T21:05:07.000Z"},
                                    {"content", "<p>a &amp; b</p>"},
                                    {"spoiler_text", ""},
                                    {"sensitive", false},
                                    {"tags", json::array{json::object{{"name", "maths"}}}}}};
  auto feed = rss_feed({"Alice & co", "Public posts", "https://social.example/@alice", std::nullopt}, statuses);
  EXPECT_NE(feed.find("<title>Alice &amp; co</title>"), std::string::npos);
  EXPECT_NE(feed.find("<description>&lt;p&gt;a &amp;amp; b&lt;/p&gt;</description>"), std::string::npos);
  EXPECT_NE(feed.find("<category>maths</category>"), std::string::npos);
  EXPECT_NE(feed.find("<lastBuildDate>Thu, 26 Nov 2026 21:05:07 +0000</lastBuildDate>"), std::string::npos);
}
