#include <gtest/gtest.h>

#include "mail/templates.h"

using agora::mail::interpolate;
using agora::mail::render_template;

TEST(MailTemplates, InterpolatesAndEscapesOnlyTheHtmlPart) {
  agora::mail::Vars vars{{"name", "<script>alert(1)</script> & co"}, {"acct", "eve@evil.example"}};
  EXPECT_EQ(interpolate("Hi {name}!", vars, false), "Hi <script>alert(1)</script> & co!");
  EXPECT_EQ(interpolate("Hi {name}!", vars, true), "Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; co!");
  EXPECT_EQ(interpolate("{missing} {", vars, false), "{missing} {");
}

TEST(MailTemplates, RendersTextAndHtmlFromOneTranslation) {
  auto m = render_template("notification_follow", "en",
                           {{"name", "<b>Eve</b>"}, {"acct", "eve"}, {"domain", "agora.test"},
                            {"link", "https://agora.test/@eve?a=1&b=2"}, {"unsubscribe", "https://u"}});
  EXPECT_EQ(m.subject, "<b>Eve</b> is now following you");
  EXPECT_NE(m.text.find("<b>Eve</b> (@eve) is now following you on agora.test."), std::string::npos);
  EXPECT_NE(m.text.find("View the profile:\nhttps://agora.test/@eve?a=1&b=2"), std::string::npos);
  EXPECT_EQ(m.html.find("<b>Eve</b>"), std::string::npos);
  EXPECT_NE(m.html.find("&lt;b&gt;Eve&lt;/b&gt; (@eve)"), std::string::npos);
  EXPECT_NE(m.html.find("href=\"https://agora.test/@eve?a=1&amp;b=2\""), std::string::npos);
  EXPECT_EQ(m.html.find("<style"), std::string::npos);  // inline styles only
}

TEST(MailTemplates, PicksTheRecipientsLanguageAndFallsBackToEnglish) {
  agora::mail::Vars vars{{"instance", "Agora"}, {"domain", "agora.test"}};
  EXPECT_EQ(render_template("password_changed", "de", vars).subject, "Agora: Passwort geändert");
  EXPECT_EQ(render_template("password_changed", "de-AT", vars).subject, "Agora: Passwort geändert");
  EXPECT_EQ(render_template("password_changed", "es", vars).subject, "Agora: Contraseña cambiada");
  EXPECT_EQ(render_template("password_changed", "fr", vars).subject, "Agora: Password changed");
  EXPECT_EQ(render_template("password_changed", "", vars).subject, "Agora: Password changed");
  EXPECT_THROW(render_template("no_such_mail", "en", vars), std::out_of_range);
}

TEST(MailTemplates, NoActionButtonWithoutALink) {
  auto m = render_template("reset_password", "en", {{"instance", "A"}, {"domain", "d"}});
  EXPECT_EQ(m.text.find("Change password:"), std::string::npos);
  EXPECT_EQ(m.html.find("<a "), std::string::npos);
}
