// The pure OAuth rules: PKCE, scopes, redirect URIs, and the parsing of
// cookies, client addresses and Basic credentials they rely on.
#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/errors.h"
#include "http/client_address.h"
#include "http/cookies.h"
#include "services/auth.h"
#include "services/oauth_scopes.h"
#include "services/pkce.h"
#include "services/redirect_uris.h"
#include "web/html.h"
#include "web/visit.h"

using namespace agora;
using namespace agora::services;

TEST(Pkce, S256MatchesRfc7636AppendixB) {
  const std::string verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
  const std::string challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  EXPECT_EQ(s256_challenge(verifier), challenge);
  EXPECT_TRUE(pkce_satisfied(challenge, "S256", verifier));
  EXPECT_FALSE(pkce_satisfied(challenge, "S256", verifier + "x"));
  EXPECT_FALSE(pkce_satisfied(challenge, "S256", ""));          // challenge given, verifier missing
  EXPECT_FALSE(pkce_satisfied(challenge, "plain", challenge));  // only S256 is offered
  EXPECT_TRUE(pkce_satisfied("", "", ""));                      // no PKCE at all
  EXPECT_FALSE(pkce_satisfied("", "", verifier));               // a verifier without a challenge
}

TEST(OAuthScopes, DefaultToReadAndMustBeRegisteredExactly) {
  EXPECT_EQ(requested_scopes(std::nullopt), std::vector<std::string>{"read"});
  EXPECT_EQ(requested_scopes("  "), std::vector<std::string>{"read"});
  EXPECT_EQ(requested_scopes("read write read"), (std::vector<std::string>{"read", "write"}));

  std::vector<std::string> app{"read", "write", "follow"};
  EXPECT_TRUE(scopes_permitted({"read", "follow"}, app));
  EXPECT_FALSE(scopes_permitted({"read", "push"}, app));       // not registered
  EXPECT_FALSE(scopes_permitted({"read:accounts"}, app));      // Doorkeeper compares names, not hierarchy
  EXPECT_FALSE(scopes_permitted({"hoge"}, {"read", "hoge"}));  // unknown to the server
  EXPECT_FALSE(scopes_permitted({}, app));

  EXPECT_TRUE(scopes_include({"read", "write"}, {"write"}));
  EXPECT_FALSE(scopes_include({"read"}, {"read", "write"}));
}

TEST(RedirectUris, RegistrationRulesFollowDoorkeeper) {
  EXPECT_FALSE(redirect_uri_problem("urn:ietf:wg:oauth:2.0:oob"));
  EXPECT_FALSE(redirect_uri_problem("https://app.example/callback?x=1"));
  EXPECT_FALSE(redirect_uri_problem("com.example.app:/oauth"));  // custom schemes of native apps
  EXPECT_FALSE(redirect_uri_problem("http://127.0.0.1:8080/cb"));
  EXPECT_EQ(redirect_uri_problem("/relative"), "must be an absolute URI.");
  EXPECT_EQ(redirect_uri_problem("https://app.example/cb#frag"), "cannot contain a fragment.");
  EXPECT_EQ(redirect_uri_problem("javascript:alert(1)"), "is forbidden by the server.");
  EXPECT_EQ(redirect_uri_problem("DATA:text/html,x"), "is forbidden by the server.");
  EXPECT_EQ(redirect_uri_problem("https://exa mple/"), "must be a valid URI.");
}

TEST(RedirectUris, MatchingAllowsLoopbackPortsAndExtraQueries) {
  EXPECT_TRUE(redirect_uri_matches("https://app.example/cb", "https://app.example/cb"));
  EXPECT_FALSE(redirect_uri_matches("https://app.example/cb2", "https://app.example/cb"));
  EXPECT_FALSE(redirect_uri_matches("https://evil.example/cb", "https://app.example/cb"));
  EXPECT_FALSE(redirect_uri_matches("http://app.example/cb", "https://app.example/cb"));
  EXPECT_TRUE(redirect_uri_matches("https://app.example/cb?tab=1", "https://app.example/cb"));
  EXPECT_FALSE(redirect_uri_matches("https://app.example/cb?x=2", "https://app.example/cb?x=1"));
  EXPECT_TRUE(redirect_uri_matches("http://127.0.0.1:53123/cb", "http://127.0.0.1/cb"));  // RFC 8252 §7.3
  EXPECT_FALSE(redirect_uri_matches("http://localhost:53123/cb", "http://localhost/cb"));
  EXPECT_FALSE(redirect_uri_matches("urn:ietf:wg:oauth:2.0:oob", "https://app.example/cb"));
  EXPECT_FALSE(redirect_uri_matches("https://app.example/cb#x", "https://app.example/cb"));
}

TEST(RedirectUris, ParametersAreEncodedIntoQueryOrFragment) {
  EXPECT_EQ(with_parameters("https://a.example/cb", {{"code", "a b&c"}, {"state", "x/y"}}),
            "https://a.example/cb?code=a%20b%26c&state=x%2Fy");
  EXPECT_EQ(with_parameters("https://a.example/cb?keep=1", {{"code", "z"}}), "https://a.example/cb?keep=1&code=z");
  EXPECT_EQ(with_parameters("https://a.example/cb", {{"code", "z"}}, true), "https://a.example/cb#code=z");
}

TEST(Cookies, ParseAndWrite) {
  http::Request req;
  req.headers.add("Cookie", "a=1; _agora_session=tok-en_1 ; other=\"quoted\"");
  EXPECT_EQ(http::cookie(req, "_agora_session"), "tok-en_1");
  EXPECT_EQ(http::cookie(req, "other"), "quoted");
  EXPECT_FALSE(http::cookie(req, "_agora"));
  EXPECT_EQ(http::set_cookie("s", "v", {.max_age_seconds = 60, .secure = true}),
            "s=v; Path=/; Max-Age=60; Secure; HttpOnly; SameSite=Lax");
  EXPECT_EQ(http::set_cookie("s", "v", {}), "s=v; Path=/; HttpOnly; SameSite=Lax");
}

TEST(ClientAddress, TrustsForwardedForOnlyFromProxies) {
  http::Request req;
  req.remote_address = "127.0.0.1";
  EXPECT_EQ(http::client_address(req), "127.0.0.1");
  req.headers.add("X-Forwarded-For", "198.51.100.7, 10.0.0.2");
  EXPECT_EQ(http::client_address(req), "198.51.100.7");  // the last hop that is not a proxy
  req.headers.set("X-Forwarded-For", "1.2.3.4, 198.51.100.7");
  EXPECT_EQ(http::client_address(req), "198.51.100.7");  // a client cannot spoof past its own hop
  req.headers.set("X-Forwarded-For", "<script>");
  EXPECT_EQ(http::client_address(req), "127.0.0.1");
  req.remote_address = "203.0.113.9";  // not a proxy: the header is ignored
  req.headers.set("X-Forwarded-For", "198.51.100.7");
  EXPECT_EQ(http::client_address(req), "203.0.113.9");
  EXPECT_TRUE(http::trusted_proxy_address("172.20.1.1"));
  EXPECT_FALSE(http::trusted_proxy_address("172.32.1.1"));
}

TEST(Base64, DecodesBasicCredentials) {
  EXPECT_EQ(crypto::base64_decode("Y2xpZW50OnNlY3JldA=="), "client:secret");
  EXPECT_EQ(crypto::base64_decode(crypto::base64("\x01\xff binary")), "\x01\xff binary");
  EXPECT_FALSE(crypto::base64_decode("not base64!"));
}

TEST(WebPages, EscapeEverythingAndOnlyRedirectLocally) {
  EXPECT_EQ(web::escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(web::local_path("/oauth/authorize?client_id=x"), "/oauth/authorize?client_id=x");
  EXPECT_EQ(web::local_path("//evil.example/"), "");
  EXPECT_EQ(web::local_path("/\\evil.example/"), "");
  EXPECT_EQ(web::local_path("https://evil.example/"), "");
  EXPECT_EQ(web::local_path("/a\r\nSet-Cookie: x"), "");
}

TEST(AppTokens, AreRefusedWhereAMemberIsNeeded) {
  services::Auth app_only;  // a client_credentials token: no user, no account
  app_only.token.scopes = {"read", "write"};
  try {
    services::require_usable_login(app_only);
    FAIL() << "an app token passed for a member";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 422);
    EXPECT_EQ(e.message(), "This method requires an authenticated user");
  }
}
