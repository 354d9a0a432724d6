// Plain text to Mastodon's HTML: escaping, paragraphs, links, hashtags,
// mentions; and how lengths are counted.
#include <gtest/gtest.h>

#include <random>

#include "core/utf8.h"
#include "text/entities.h"
#include "text/html.h"
#include "text/length.h"
#include "text/plain_text.h"

using namespace agora;
using namespace agora::text;

namespace {

FormatOptions options() {
  FormatOptions o;
  o.base_url = "https://social.example";
  o.resolve_mention = [](std::string_view user, std::string_view domain) -> std::optional<MentionTarget> {
    if (user == "alice" && domain.empty()) return MentionTarget{"https://social.example/@alice", "alice"};
    if (user == "bob" && domain == "remote.example") return MentionTarget{"https://remote.example/@bob", "bob"};
    return std::nullopt;
  };
  return o;
}

std::string format(std::string_view s) { return format_plain_text(s, options()); }

std::string link(const std::string& href, const std::string& prefix, const std::string& display,
                 const std::string& suffix = "", bool ellipsis = false) {
  return "<a href=\"" + href + "\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\"><span class=\"invisible\">" +
         prefix + "</span><span class=\"" + (ellipsis ? "ellipsis" : "") + "\">" + display +
         "</span><span class=\"invisible\">" + suffix + "</span></a>";
}

}  // namespace

TEST(Html, EscapesEverythingThatCouldOpenMarkup) {
  EXPECT_EQ(escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
}

TEST(PlainText, WrapsParagraphsAndLineBreaksLikeSimpleFormat) {
  EXPECT_EQ(format("I walk funny"), "<p>I walk funny</p>");
  EXPECT_EQ(format("one\ntwo"), "<p>one<br />two</p>");
  EXPECT_EQ(format("one\r\ntwo\rthree"), "<p>one<br />two<br />three</p>");
  EXPECT_EQ(format("first\n\n\nsecond\n\nthird"), "<p>first</p><p>second</p><p>third</p>");
  EXPECT_EQ(format("trailing\n\n"), "<p>trailing</p>");
  EXPECT_EQ(format("   \n\t "), "");
  EXPECT_EQ(format(""), "");
}

TEST(PlainText, EscapesMarkupInsteadOfRenderingIt) {
  EXPECT_EQ(format("<b>bold</b> & <img src=x onerror=alert(1)>"),
            "<p>&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>");
}

TEST(PlainText, LinksHttpUrlsShortenedLikeMastodon) {
  EXPECT_EQ(format("see https://example.org/a"), "<p>see " + link("https://example.org/a", "https://", "example.org/a") + "</p>");
  EXPECT_EQ(format("http://www.example.org"), "<p>" + link("http://www.example.org", "http://www.", "example.org") + "</p>");
  EXPECT_EQ(format("https://example.org/some/very/long/path/that/goes/on"),
            "<p>" + link("https://example.org/some/very/long/path/that/goes/on", "https://",
                         "example.org/some/very/long/pat", "h/that/goes/on", true) +
                "</p>");
  // One character more than 30 is shown rather than hidden behind an ellipsis.
  EXPECT_EQ(format("https://example.org/0123456789abcdefghi"),
            "<p>" + link("https://example.org/0123456789abcdefghi", "https://", "example.org/0123456789abcdefghi") + "</p>");
}

TEST(PlainText, LeavesSentencePunctuationOutOfLinks) {
  EXPECT_EQ(format("Go to https://example.org/x."), "<p>Go to " + link("https://example.org/x", "https://", "example.org/x") + ".</p>");
  EXPECT_EQ(format("(https://example.org/x)"), "<p>(" + link("https://example.org/x", "https://", "example.org/x") + ")</p>");
  EXPECT_EQ(format("https://en.wikipedia.org/wiki/Bash_(Unix_shell)"),
            "<p>" + link("https://en.wikipedia.org/wiki/Bash_(Unix_shell)", "https://", "en.wikipedia.org/wiki/Bash_(Un",
                         "ix_shell)", true) +
                "</p>");
  EXPECT_EQ(format("https://example.org."), "<p>" + link("https://example.org", "https://", "example.org") + ".</p>");
}

TEST(PlainText, NeverLinksDangerousOrImplausibleUrls) {
  EXPECT_EQ(format("javascript:alert(1)"), "<p>javascript:alert(1)</p>");
  EXPECT_EQ(format("data:text/html,<script>"), "<p>data:text/html,&lt;script&gt;</p>");
  EXPECT_EQ(format("https://localhost/x"), "<p>https://localhost/x</p>");
  EXPECT_EQ(format("xhttps://example.org"), "<p>xhttps://example.org</p>");
  // A quote ends the URL, so it can never break out of the href attribute.
  std::string html = format("https://example.org/\"onmouseover=\"alert(1)");
  EXPECT_NE(html.find("href=\"https://example.org/\""), std::string::npos);
  EXPECT_EQ(html.find("\"onmouseover"), std::string::npos);
  EXPECT_NE(html.find("&quot;onmouseover=&quot;alert(1)"), std::string::npos);
}

TEST(PlainText, LinksHashtagsAndKnownMentions) {
  EXPECT_EQ(format("#Caf\xC3\xA9 and #1"),
            "<p><a href=\"https://social.example/tags/Caf%C3%A9\" class=\"mention hashtag\" rel=\"tag\">#<span>Caf\xC3\xA9</span></a> and #1</p>");
  EXPECT_EQ(format("hi @alice"),
            "<p>hi <span class=\"h-card\" translate=\"no\"><a href=\"https://social.example/@alice\" class=\"u-url "
            "mention\">@<span>alice</span></a></span></p>");
  EXPECT_EQ(format("@bob@remote.example!"),
            "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://remote.example/@bob\" class=\"u-url "
            "mention\">@<span>bob</span></a></span>!</p>");
  EXPECT_EQ(format("@nobody and me@alice.example"), "<p>@nobody and me@alice.example</p>");
  EXPECT_EQ(format("https://example.org/#tag/@alice"), "<p>" + link("https://example.org/#tag/@alice", "https://", "example.org/#tag/@alice") + "</p>");
}

TEST(PlainText, FieldValuesAreOneLineWithRelMe) {
  FormatOptions o = options();
  o.multiline = false;
  o.rel_me = true;
  EXPECT_EQ(format_plain_text("a\nb", o), "a\nb");
  EXPECT_NE(format_plain_text("https://example.org", o).find("rel=\"nofollow noopener me\""), std::string::npos);
}

TEST(Entities, FindsUrlsHashtagsAndMentionsWithOffsets) {
  std::string s = "\xC3\xA9 @alice #tag https://a.example/x";
  auto e = extract_entities(s);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].kind, Entity::Kind::mention);
  EXPECT_EQ(s.substr(e[0].begin, e[0].end - e[0].begin), "@alice");
  EXPECT_EQ(e[1].value, "tag");
  EXPECT_EQ(e[2].value, "https://a.example/x");
  EXPECT_TRUE(extract_entities("a@b.org x#y =@z /#w").empty());
  // Invalid UTF-8 is read as replacement characters, never past the end.
  EXPECT_TRUE(extract_entities("\xff\xfe@").empty());
}

TEST(Length, CountsGraphemesAsCharacters) {
  EXPECT_EQ(count_graphemes("abc"), 3u);
  EXPECT_EQ(count_graphemes("e\xCC\x81"), 1u);                                        // e + combining acute
  EXPECT_EQ(count_graphemes("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 1u);                 // thumbs up, skin tone
  EXPECT_EQ(count_graphemes("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"), 1u);     // woman technologist (ZWJ)
  EXPECT_EQ(count_graphemes("\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"), 2u);  // DE FR flags
  EXPECT_EQ(utf8_length("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 2u);
}

TEST(Length, CountsLinksAs23AndMentionsWithoutDomain) {
  EXPECT_EQ(countable_length("https://example.org/" + std::string(200, 'a')), 23u);
  EXPECT_EQ(countable_length("hi @bob@remote.example"), 7u);
  EXPECT_EQ(countable_length("#tag"), 4u);
}

TEST(PlainText, RandomInputNeverYieldsMarkupOfItsOwn) {
  // Whatever members type, the only tags in the output are the formatter's.
  const std::vector<std::string> pieces = {"h", "ttps://", "http://", "a.example", ".org", "/", "?q=", "#", "@",
                                           "alice", "bob@remote.example", "(", ")", "<", ">", "\"", "'", "&",
                                           "script", " ", "\n", "\n\n", "\r", "\xC3\xA9", "\xff", "\xF0\x9F\x91\x8D",
                                           "=", "www.", "_", "-", "."};
  const std::vector<std::string> allowed = {"<a ", "</a>", "<span", "</span>", "<p>", "</p>", "<br />"};
  std::mt19937 rng(42);
  for (int round = 0; round < 3000; ++round) {
    std::string input;
    for (int i = 0, n = 1 + static_cast<int>(rng() % 30); i < n; ++i) input += pieces[rng() % pieces.size()];
    for (bool multiline : {true, false}) {
      FormatOptions o = options();
      o.multiline = multiline;
      std::string html = format_plain_text(input, o);
      for (size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        bool ok = false;
        for (const auto& tag : allowed) ok = ok || html.compare(at, tag.size(), tag) == 0;
        ASSERT_TRUE(ok) << "input: " << input << "\noutput: " << html;
      }
      for (const auto& e : extract_entities(input)) ASSERT_LE(e.end, input.size());
      countable_length(input);
    }
  }
}
