// The sanitizer for HTML from other servers (Mastodon's MASTODON_STRICT):
// what survives, what is unwrapped or dropped, and hostile input.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "text/sanitize.h"

using agora::text::sanitize_remote_html;

namespace {

std::string fixture_content(const std::string& name) {
  std::ifstream f(std::string(AGORA_FIXTURES_DIR) + "/" + name);
  std::stringstream ss;
  ss << f.rdbuf();
  boost::json::value v = boost::json::parse(ss.str());
  const boost::json::object* o = &v.as_object();
  if (const auto* inner = o->if_contains("object"); inner && inner->is_object()) o = &inner->as_object();
  return std::string(o->at("content").as_string());
}

// A kept link as Mastodon writes it: its attributes, then rel and target.
constexpr const char* kLinkTail = R"( rel="nofollow noopener" target="_blank")";

}  // namespace

// --- what Mastodon's own markup keeps -----------------------------------------

TEST(Sanitize, KeepsMastodonMentionMarkupAddingRelAndTarget) {
  EXPECT_EQ(sanitize_remote_html(R"(<p><span class="h-card" translate="no"><a href="https://example.org/@a" )"
                                 R"(class="u-url mention">@<span>a</span></a></span> hi</p>)"),
            std::string(R"(<p><span class="h-card" translate="no"><a href="https://example.org/@a" )"
                        R"(class="u-url mention")") +
                kLinkTail + R"(>@<span>a</span></a></span> hi</p>)");
}

TEST(Sanitize, KeepsHashtagAndLinkFormattingClasses) {
  EXPECT_EQ(sanitize_remote_html(R"(<a href="https://x.example/tags/cats" class="mention hashtag" rel="tag">#<span>cats</span></a>)"),
            std::string(R"(<a href="https://x.example/tags/cats" class="mention hashtag" rel="nofollow noopener" target="_blank">#<span>cats</span></a>)"));
  EXPECT_EQ(sanitize_remote_html(R"(<span class="invisible">https://</span><span class="ellipsis">x.example/a</span>)"),
            R"(<span class="invisible">https://</span><span class="ellipsis">x.example/a</span>)");
}

TEST(Sanitize, KeepsTheRichTextElementsMastodonAllows) {
  std::string html =
      "<p>a<br>b</p><blockquote><p><b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><del>d</del><s>s</s>"
      "<code>c</code></p></blockquote><pre>p</pre><ul><li>x</li></ul><ol start=\"3\" reversed=\"\"><li value=\"7\">y</li>"
      "</ol><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>";
  EXPECT_EQ(sanitize_remote_html(html), html);
}

TEST(Sanitize, HeadingsBecomeStrongParagraphs) {
  EXPECT_EQ(sanitize_remote_html("<h1 class=\"h-x\">Title</h1><h6>small</h6>"),
            "<p><strong>Title</strong></p><p><strong>small</strong></p>");
}

TEST(Sanitize, UnwrapsOtherElementsKeepingTheirText) {
  EXPECT_EQ(sanitize_remote_html("<sup>1</sup><sub>2</sub><font color=red>f</font><x-foo><y-bar>deep</y-bar></x-foo>"),
            "12fdeep");
  // Block elements Sanitize unwraps leave a space either side.
  EXPECT_EQ(sanitize_remote_html("<div>a</div><section>b</section>c<hr>d"), " a  b c  d");
  EXPECT_EQ(sanitize_remote_html("<table><tr><td>cell</td></tr></table>"), "cell");
}

// --- attributes ----------------------------------------------------------------

TEST(Sanitize, KeepsOnlyAllowedAttributes) {
  EXPECT_EQ(sanitize_remote_html(R"h(<p class="h-entry" style="color:red" onclick="x()">t</p>)h"), "<p>t</p>");
  EXPECT_EQ(sanitize_remote_html(R"(<span id="x" lang="en" title="t" data-x="1">t</span>)"), "<span>t</span>");
  EXPECT_EQ(sanitize_remote_html(R"(<ol type="a" start="2"><li value="5" onclick="x">t</li></ol>)"),
            R"(<ol start="2"><li value="5">t</li></ol>)");
  EXPECT_EQ(sanitize_remote_html(R"h(<b onmouseover="alert(1)">t</b>)h"), "<b>t</b>");
}

TEST(Sanitize, LinksGetNofollowNoopenerInPlaceOfTheirRelAndStyleIsDropped) {
  EXPECT_EQ(sanitize_remote_html(R"(<a href="https://x.example" rel="me opener" style="position:fixed" target="_top" onclick="x">t</a>)"),
            R"(<a href="https://x.example" rel="nofollow noopener" target="_blank">t</a>)");
}

TEST(Sanitize, FiltersClassesToMicroformatsAndMastodonsOwn) {
  EXPECT_EQ(sanitize_remote_html(R"(<span class="status-direct p-name  modal-root e-content dt-published u-x mention">t</span>)"),
            R"(<span class="p-name e-content dt-published u-x mention">t</span>)");
  // As Mastodon: the attribute stays, empty, when nothing in it is allowed.
  EXPECT_EQ(sanitize_remote_html(R"(<span class="column-header hidden">t</span>)"), R"(<span class="">t</span>)");
  EXPECT_EQ(sanitize_remote_html(R"(<span class="Mention x-h-card">t</span>)"), R"(<span class="">t</span>)");
}

TEST(Sanitize, KeepsTranslateOnlyWhenNo) {
  EXPECT_EQ(sanitize_remote_html(R"(<span translate="no">a</span><span translate="yes">b</span><span translate="NO">c</span>)"),
            "<span translate=\"no\">a</span><span>b</span><span>c</span>");
}

TEST(Sanitize, EscapesAttributeValues) {
  EXPECT_EQ(sanitize_remote_html(R"(<a href='https://x.example/?a=1&amp;b="2"&lt;'>t</a>)"),
            std::string(R"(<a href="https://x.example/?a=1&amp;b=&quot;2&quot;&lt;")") + kLinkTail + ">t</a>");
}

// --- links -----------------------------------------------------------------------

TEST(Sanitize, KeepsLinksWithMastodonsProtocols) {
  for (const char* href : {"http://a.example", "https://a.example", "HTTPS://a.example", " https://a.example",
                           "dat://x", "dweb://x", "ipfs://x", "ipns://x", "ssb:x", "gopher://x", "xmpp:a@b",
                           "magnet:?xt=urn:btih:x", "gemini://x"}) {
    std::string out = sanitize_remote_html(std::string("<a href=\"") + href + "\">t</a>");
    EXPECT_TRUE(out.starts_with("<a href=")) << href << " -> " << out;
  }
}

TEST(Sanitize, OtherLinksBecomeTheirText) {
  for (const char* href : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                           "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", "java\nscript:alert(1)",
                           "javascript&#58;alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)",
                           "mailto:a@b.example", "ftp://x", "/relative", "relative", "#frag", "//x.example/a", ""}) {
    std::string html = std::string("<a href=\"") + href + "\">x<b>y</b></a>";
    EXPECT_EQ(sanitize_remote_html(html), "xy") << href;
  }
  EXPECT_EQ(sanitize_remote_html("<a name=\"n\">anchor</a>"), "anchor");
  // The text keeps no markup: it is escaped again.
  EXPECT_EQ(sanitize_remote_html("<a href=\"javascript:x\">&lt;script&gt;</a>"), "&lt;script&gt;");
}

// --- hostile markup ---------------------------------------------------------------

TEST(Sanitize, DropsScriptLikeElementsWithTheirContents) {
  EXPECT_EQ(sanitize_remote_html("a<script>alert(1)</script>b"), "ab");
  EXPECT_EQ(sanitize_remote_html("a<style>p{color:red}</style>b"), "ab");
  EXPECT_EQ(sanitize_remote_html("a<template><b>t</b></template>b"), "ab");
  EXPECT_EQ(sanitize_remote_html("a<iframe src=\"https://x\">f</iframe>b"), "ab");
  EXPECT_EQ(sanitize_remote_html("a<object data=\"x\"><b>o</b></object><embed src=\"x\">b"), "ab");
  EXPECT_EQ(sanitize_remote_html("a<noscript><b>n</b></noscript>b"), "ab");
  EXPECT_EQ(sanitize_remote_html("a<svg><script>alert(1)</script><text>t</text></svg>b"), "ab");
  EXPECT_EQ(sanitize_remote_html("a<math><mi>x</mi><style>s</style></math>b"), "ab");
  EXPECT_EQ(sanitize_remote_html("a<SCRIPT SRC=//x.example/x.js></SCRIPT>b"), "ab");
}

TEST(Sanitize, DropsImagesEventHandlersAndComments) {
  EXPECT_EQ(sanitize_remote_html(R"h(<img src=x onerror="alert(1)">t)h"), "t");
  EXPECT_EQ(sanitize_remote_html(R"(<p>a<!-- <script>alert(1)</script> -->b</p>)"), "<p>ab</p>");
  EXPECT_EQ(sanitize_remote_html(R"(<![CDATA[<script>x</script>]]>t<?xml x?>)"), "x]]&gt;t");
  EXPECT_EQ(sanitize_remote_html(R"h(<!DOCTYPE html><body onload="x()">t</body>)h"), "t");
}

TEST(Sanitize, NoMarkupSurvivesFromUnknownOrBrokenTags) {
  EXPECT_EQ(sanitize_remote_html("<p>unclosed <b>bold <i>both"), "<p>unclosed <b>bold <i>both</i></b></p>");
  EXPECT_EQ(sanitize_remote_html("<b>a<p>b</b>c</p>"), "<b>a</b><p><b>b</b>c</p>");
  EXPECT_EQ(sanitize_remote_html("1 < 2 && 3 > 2 <"), "1 &lt; 2 &amp;&amp; 3 &gt; 2 &lt;");
  EXPECT_EQ(sanitize_remote_html("<scr<script>ipt>alert(1)</script>"), "ipt&gt;alert(1)");
  EXPECT_EQ(sanitize_remote_html("<a href=\"https://x\"<script>alert(1)</script>"),
            std::string("<a href=\"https://x\"") + kLinkTail + ">alert(1)</a>");
  EXPECT_EQ(sanitize_remote_html("<p title=\"</p><script>alert(1)</script>\">t</p>"), "<p>t</p>");
}

TEST(Sanitize, EscapesTextAsHtml5Serialization) {
  EXPECT_EQ(sanitize_remote_html("<p>don&#39;t &quot;quote&quot; &lt;b&gt; a\xC2\xA0" "b</p>"),
            "<p>don't \"quote\" &lt;b&gt; a&nbsp;b</p>");
}

TEST(Sanitize, ReplacesInvalidUtf8) {
  EXPECT_EQ(sanitize_remote_html(std::string("a\xFF\xFE<b>\xC3</b>z")), "a\xEF\xBF\xBD\xEF\xBF\xBD<b>\xEF\xBF\xBD</b>z");
  EXPECT_EQ(sanitize_remote_html(std::string("a\0b", 3)), "ab");
}

TEST(Sanitize, KeepsTheNewlineAfterPre) {
  EXPECT_EQ(sanitize_remote_html("<pre>\n\ncode</pre>"), "<pre>\n\ncode</pre>");
  EXPECT_EQ(sanitize_remote_html("<pre>\ncode</pre>"), "<pre>code</pre>");
}

TEST(Sanitize, EmptyAndPlainInput) {
  EXPECT_EQ(sanitize_remote_html(""), "");
  EXPECT_EQ(sanitize_remote_html("just text"), "just text");
}

TEST(Sanitize, SurvivesDeepNesting) {
  std::string html;
  for (int i = 0; i < 10000; ++i) html += "<b>";
  html += "x";
  std::string out = sanitize_remote_html(html);
  // Cut at the tag limit, and still balanced.
  std::string expected;
  for (size_t i = 0; i < agora::text::kMaxSanitizedStartTags; ++i) expected += "<b>";
  for (size_t i = 0; i < agora::text::kMaxSanitizedStartTags; ++i) expected += "</b>";
  EXPECT_EQ(out, expected);

  std::string divs;
  for (int i = 0; i < 100000; ++i) divs += "<div><x>";
  divs += "x";
  out = sanitize_remote_html(divs);
  EXPECT_EQ(out.find('<'), std::string::npos);
}

// --- real content from other servers ---------------------------------------------------

TEST(Sanitize, MastodonNoteKeepsItsMarkup) {
  std::string out = sanitize_remote_html(fixture_content("mastodon/note-image-blurhash-focalpoint.json"));
  EXPECT_EQ(out,
            "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://lemmy.kde.social/c/kde\" class=\"u-url mention\"" +
                std::string(kLinkTail) +
                ">@<span>kde@lemmy.kde.social</span></a></span> </p><p>We also need funding 💶 to keep the gears turning! "
                "Please support us with a donation:</p><p><a href=\"https://kde.org/donate/\" rel=\"nofollow noopener\" "
                "translate=\"no\" target=\"_blank\"><span class=\"invisible\">https://</span><span class=\"\">kde.org/donate/"
                "</span><span class=\"invisible\"></span></a></p><p>[3/3]</p>");
}

TEST(Sanitize, GoToSocialHashtagKeepsItsClasses) {
  EXPECT_EQ(sanitize_remote_html(fixture_content("gotosocial/note-emoji-hashtag-image-interactionpolicy.json")),
            "<p>hello world! <a href=\"http://localhost:8080/tags/welcome\" class=\"mention hashtag\" rel=\"nofollow noopener\" "
            "target=\"_blank\">#<span>welcome</span></a> ! first post on the instance :rainbow: !</p>");
}

TEST(Sanitize, MisskeyQuoteKeepsBreaksAndLink) {
  EXPECT_EQ(sanitize_remote_html(fixture_content("misskey/note-quote.json")),
            "<p><span>i quompt u<br><br>RE: </span><a href=\"https://example.com/objects/30c543fb-a165-40dd-87fd-4e249ec5a40b\"" +
                std::string(kLinkTail) + ">https://example.com/objects/30c543fb-a165-40dd-87fd-4e249ec5a40b</a></p>");
}

TEST(Sanitize, SanitizingTwiceChangesNothing) {
  for (const char* name : {"mastodon/note-image-blurhash-focalpoint.json", "mastodon/create-note-mention-hashtag-cw.json",
                           "gotosocial/note-emoji-hashtag-image-interactionpolicy.json", "misskey/note-quote.json",
                           "pleroma-akkoma/note-litepub-emoji-in-summary.json", "lemmy/page-post.json"}) {
    std::string once = sanitize_remote_html(fixture_content(name));
    EXPECT_EQ(sanitize_remote_html(once), once) << name;
  }
}
