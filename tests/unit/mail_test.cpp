#include <gtest/gtest.h>

#include "core/crypto.h"
#include "mail/message.h"

using namespace agora;

TEST(MailMessage, RendersMimeWithoutHeaderInjection) {
  mail::Message m{"notifications@social.example.org", "Educators",
                  "alice@example.org\r\nBcc: victim@example.org", "Grüße\r\nX-Evil: 1", "Hello, Alice", "<p>Hello</p>"};
  std::string out = mail::render(m, 1480000000000, "social.example.org");
  EXPECT_EQ(out.find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(out.find("\r\nX-Evil"), std::string::npos);
  EXPECT_NE(out.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(out.find("From: \"Educators\" <notifications@social.example.org>\r\n"), std::string::npos);
  EXPECT_NE(out.find("Date: Thu, 24 Nov 2016 15:06:40 +0000\r\n"), std::string::npos);
  EXPECT_NE(out.find("Content-Type: multipart/alternative"), std::string::npos);
  EXPECT_NE(out.find(crypto::base64("Hello, Alice")), std::string::npos);
}
