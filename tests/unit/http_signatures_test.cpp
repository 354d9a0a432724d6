// HTTP signatures: every published test vector in ../shared/fixtures/httpsig
// (Mastodon's own spec cases, draft-cavage Appendix C, RFC 9421 Appendix B),
// and sign → verify round trips with the ways a request gets tampered with.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "core/crypto.h"
#include "core/time.h"
#include "federation/digest.h"
#include "federation/http_signatures.h"
#include "federation/signature_algorithms.h"
#include "federation/structured_fields.h"

using namespace agora;
using namespace agora::federation;
namespace json = boost::json;

namespace {

json::object load_vectors(const std::string& name) {
  std::ifstream f(std::string(AGORA_FIXTURES_DIR) + "/httpsig/" + name);
  EXPECT_TRUE(f) << "missing fixture " << name;
  std::stringstream s;
  s << f.rdbuf();
  return json::parse(s.str()).as_object();
}

std::string str(const json::value& v) { return std::string(v.as_string()); }

// "POST /foo?x HTTP/1.1\nHost: …\n\nbody" → a request as the server sees it.
http::Request parse_raw_request(const std::string& raw) {
  http::Request r;
  std::istringstream in(raw);
  std::string line;
  std::getline(in, line);
  std::istringstream first(line);
  first >> r.method >> r.target;
  while (std::getline(in, line) && !line.empty()) {
    auto colon = line.find(':');
    r.headers.add(line.substr(0, colon), line.substr(colon + 2));
  }
  std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  r.body = rest;
  r.path = r.target.substr(0, r.target.find('?'));
  return r;
}

http::Request request_with(const std::string& method, const std::string& target, const HeaderList& headers,
                           const std::string& body = "") {
  http::Request r;
  r.method = method;
  r.target = target;
  r.path = target.substr(0, target.find('?'));
  for (const auto& [k, v] : headers) r.headers.add(k, v);
  r.body = body;
  return r;
}

SignatureClaim claim_of(const http::Request& r) {
  auto parsed = parse_signature(r);
  EXPECT_TRUE(parsed.claim) << parsed.error;
  return parsed.claim.value_or(SignatureClaim{});
}

int64_t at(const std::string& http_date) { return parse_http_date(http_date).value(); }

const crypto::KeyPair& rsa_key() {
  static const crypto::KeyPair key = crypto::generate_rsa_keypair(2048);
  return key;
}
const SigningKey& signing_key() {
  static const SigningKey key{"https://a.example/users/alice#main-key", rsa_key().private_pem};
  return key;
}

constexpr int64_t kNow = 1703066400000;  // Wed, 20 Dec 2023 10:00:00 GMT

}  // namespace

// ---- Mastodon's spec/requests/signature_verification_spec.rb, clock at 2023-12-20T10:00:00Z

TEST(HttpSignatures, MastodonSpecVectors) {
  auto vectors = load_vectors("mastodon-signature-verification-vectors.json");
  std::string public_pem = str(vectors.at("actor_public_key_pem (derived)"));
  std::string private_pem = str(vectors.at("actor_private_key_pem"));
  const auto& cases = vectors.at("cases").as_array();
  ASSERT_EQ(cases.size(), 12u);
  for (const auto& c : cases) {
    const auto& v = c.as_object();
    SCOPED_TRACE(str(v.at("name")));
    HeaderList headers;
    for (const auto& [k, val] : v.at("request_headers").as_object()) headers.emplace_back(std::string(k), str(val));
    headers.emplace_back("Signature", str(v.at("signature_header")));
    auto request = request_with(str(v.at("method")), str(v.at("path")), headers,
                                v.contains("body") ? str(v.at("body")) : "");
    // The signature is what the spec's signer made of its signing string.
    EXPECT_EQ(crypto::base64(sign_bytes(Algorithm::rsa_v1_5_sha256, private_pem, str(v.at("signing_string")))),
              str(v.at("signature")));
    SignatureClaim claim = claim_of(request);
    EXPECT_EQ(claim.key_id, str(vectors.at("keyId")));
    auto result = verify_signature(claim, request, public_pem, kNow);
    const auto& expected = v.at("expected").as_object();
    EXPECT_EQ(result.ok(), expected.at("verified").as_bool()) << result.reason;
    if (expected.contains("error")) {
      EXPECT_EQ(result.reason, str(expected.at("error")));
    }
    if (result.ok()) {
      bool same = cavage_signing_string(claim, request, true) == str(v.at("signing_string")) ||
                  cavage_signing_string(claim, request, false) == str(v.at("signing_string"));
      EXPECT_TRUE(same);
    }
  }
}

// ---- draft-cavage Appendix C (the request of 2014-01-05)

TEST(HttpSignatures, CavageAppendixCVectors) {
  auto vectors = load_vectors("cavage-test-vectors.json");
  std::string public_pem = str(vectors.at("public_key_pem"));
  std::string private_pem = str(vectors.at("private_key_pem"));
  http::Request base = parse_raw_request(str(vectors.at("request")));
  ASSERT_EQ(base.body, "{\"hello\": \"world\"}");
  EXPECT_FALSE(check_digest(base.headers.get_or("Digest", ""), base.body));
  int64_t now = at("Sun, 05 Jan 2014 21:31:40 GMT");
  for (const auto& t : vectors.at("tests").as_array()) {
    const auto& v = t.as_object();
    SCOPED_TRACE(str(v.at("name")));
    std::string header_value = str(v.at("expected_header")).substr(std::string("Signature: ").size());
    for (bool as_authorization : {false, true}) {
      http::Request request = base;
      if (as_authorization) request.headers.add("Authorization", "Signature " + header_value);
      else request.headers.add("Signature", header_value);
      SignatureClaim claim = claim_of(request);
      EXPECT_EQ(claim.key_id, "Test");
      EXPECT_EQ(cavage_signing_string(claim, request), str(v.at("signing_string")));
      EXPECT_TRUE(verify_bytes(Algorithm::rsa_v1_5_sha256, public_pem, str(v.at("signing_string")), claim.signature));
      EXPECT_EQ(crypto::base64(sign_bytes(Algorithm::rsa_v1_5_sha256, private_pem, str(v.at("signing_string")))),
                str(v.at("signature")));
    }
    // Mastodon's rules on top: only the all-headers signature is strong enough for a POST.
    http::Request request = base;
    request.headers.add("Signature", header_value);
    auto result = verify_signature(claim_of(request), request, public_pem, now);
    if (v.at("headers_param").is_null())
      EXPECT_EQ(result.reason, "Mastodon requires the Digest header or (request-target) pseudo-header to be signed");
    else if (str(v.at("headers_param")) == "(request-target) host date")
      EXPECT_EQ(result.reason, "Mastodon requires the Digest header to be signed when doing a POST request");
    else
      EXPECT_TRUE(result.ok()) << result.reason;

    if (v.contains("draft12_variant_signing_string")) {
      // Draft 12 printed the same signature over a string with (created)/(expires): it must not verify.
      std::string draft12 = R"(keyId="Test",algorithm="hs2019",created=1402170695,expires=1402170699,)"
                            R"(headers="(request-target) (created) (expires) host date content-type digest content-length",)"
                            R"(signature=")" + str(v.at("signature")) + "\"";
      http::Request r12 = base;
      r12.headers.add("Signature", draft12);
      SignatureClaim claim = claim_of(r12);
      EXPECT_EQ(cavage_signing_string(claim, r12), str(v.at("draft12_variant_signing_string")));
      EXPECT_FALSE(verify_bytes(Algorithm::rsa_v1_5_sha256, public_pem, cavage_signing_string(claim, r12),
                                claim.signature));
      // Its (created) is months after its Date: no clock accepts both.
      EXPECT_EQ(verify_signature(claim, r12, public_pem, 1402170695000).reason,
                "Signed request date outside acceptable time window");
      EXPECT_EQ(v.at("draft12_variant_verifies").as_bool(), false);
      // (created) belongs to hs2019 only.
      r12.headers.set("Signature", std::string(draft12).replace(draft12.find("hs2019"), 6, "rsa-sha256"));
      EXPECT_EQ(verify_signature(claim_of(r12), r12, public_pem, 1402170695000).reason,
                "Invalid pseudo-header (created) for rsa-sha256");
    }
  }
}

// ---- RFC 9421 Appendix B

namespace {
std::string hmac_sha256(const std::string& key, const std::string& data) {
  unsigned char out[32];
  unsigned int len = 32;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), out, &len);
  return std::string(reinterpret_cast<char*>(out), len);
}
}  // namespace

TEST(HttpSignatures, Rfc9421AppendixBVectors) {
  auto vectors = load_vectors("rfc9421-test-vectors.json");
  const auto& keys = vectors.at("keys").as_object();
  http::Request post = parse_raw_request(str(vectors.at("request")));
  EXPECT_FALSE(check_content_digest(post.headers.get_or("Content-Digest", ""), post.body));
  const std::map<std::string, Algorithm> algorithms = {{"test-key-rsa-pss", Algorithm::rsa_pss_sha512},
                                                       {"test-key-ecc-p256", Algorithm::ecdsa_p256_sha256},
                                                       {"test-key-ed25519", Algorithm::ed25519}};
  const auto& cases = vectors.at("cases").as_array();
  ASSERT_EQ(cases.size(), 8u);
  for (const auto& c : cases) {
    const auto& v = c.as_object();
    std::string label = str(v.at("label")), keyid = str(v.at("keyid")), expected_base = str(v.at("signature_base"));
    SCOPED_TRACE(label);
    http::Request request = post;
    if (label == "ttrp") {
      request.headers.set("Host", "service.internal.example");
      auto cert_line = expected_base.substr(expected_base.find("\"client-cert\": ") + 15);
      request.headers.add("Client-Cert", cert_line.substr(0, cert_line.find('\n')));
    } else if (label == "transform") {
      request = request_with("GET", "/demo", {{"Host", "example.org"}, {"Accept", "application/json, */*"}});
    }
    request.headers.add("Signature-Input", str(v.at("signature_input")));
    request.headers.add("Signature", str(v.at("signature")));
    SignatureClaim claim = claim_of(request);
    EXPECT_EQ(claim.label, label);
    EXPECT_EQ(claim.key_id, keyid);
    EXPECT_EQ(claim.created, 1618884473);
    // Our canonical @signature-params is the vector's last line.
    EXPECT_EQ("\"@signature-params\": " + claim.signature_params,
              expected_base.substr(expected_base.rfind("\"@signature-params\"")));
    std::string error;
    auto base = rfc9421_signature_base(claim, request, "https", error);
    if (label == "sig-b24") {  // a response signature: @status has no meaning for a request
      EXPECT_FALSE(base);
      EXPECT_EQ(error, "Unsupported derived component @status");
    } else {
      ASSERT_TRUE(base) << error;
      EXPECT_EQ(*base, expected_base);
    }
    // The signature over the published base.
    if (keyid == "test-shared-secret") {
      EXPECT_EQ(hmac_sha256(*crypto::base64_decode(str(keys.at(keyid).at("base64"))), expected_base), claim.signature);
    } else {
      std::string public_pem = str(keys.at(keyid).at("public_pem"));
      Algorithm algorithm = algorithms.at(keyid);
      EXPECT_TRUE(verify_bytes(algorithm, public_pem, expected_base, claim.signature));
      EXPECT_FALSE(verify_bytes(algorithm, public_pem, expected_base + " ", claim.signature));
      std::string resigned = sign_bytes(algorithm, str(keys.at(keyid).at("private_pem")), expected_base);
      EXPECT_TRUE(verify_bytes(algorithm, public_pem, expected_base, resigned));
      if (algorithm == Algorithm::ed25519) {
        EXPECT_EQ(resigned, claim.signature);  // deterministic
      }
      // None of the examples covers what Mastodon insists on.
      if (base) {
        EXPECT_EQ(verify_signature(claim, request, public_pem, 1618884473000).reason,
                  "Mastodon requires the @method and @target-uri derived components to be signed");
      }
    }
  }
  // The RSA (PKCS#1-encoded) test key is readable and RSA.
  EXPECT_EQ(default_algorithm_for(str(keys.at("test-key-rsa").at("public_pem"))), Algorithm::rsa_v1_5_sha256);
  EXPECT_EQ(default_algorithm_for(str(keys.at("test-key-ed25519").at("public_pem"))), Algorithm::ed25519);
  EXPECT_EQ(default_algorithm_for(str(keys.at("test-key-ecc-p256").at("public_pem"))), Algorithm::ecdsa_p256_sha256);
}

// ---- Round trips

namespace {
http::Request signed_request(const std::string& method, const std::string& url, const std::string& body,
                             int64_t now, const SignOptions& options = {}) {
  HeaderList headers = sign_request(signing_key(), method, url, body, now, options);
  for (const auto& h : options.also_signed) headers.push_back(h);
  std::string target = url.substr(url.find('/', url.find("://") + 3));
  return request_with(method, target, headers, body);
}
VerifyResult verify(const http::Request& r, int64_t now, const std::string& pem = rsa_key().public_pem) {
  auto parsed = parse_signature(r);
  if (!parsed.claim) return {VerifyStatus::rejected, parsed.error};
  return verify_signature(*parsed.claim, r, pem, now);
}
}  // namespace

TEST(HttpSignatures, SignsPostsAsMastodonDoes) {
  auto headers = sign_request(signing_key(), "POST", "https://b.example/inbox", "{}", kNow);
  ASSERT_EQ(headers.size(), 4u);
  EXPECT_EQ(headers[0], (std::pair<std::string, std::string>{"Host", "b.example"}));
  EXPECT_EQ(headers[1], (std::pair<std::string, std::string>{"Date", "Wed, 20 Dec 2023 10:00:00 GMT"}));
  EXPECT_EQ(headers[2].second, "SHA-256=RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=");
  EXPECT_EQ(headers[3].first, "Signature");
  EXPECT_EQ(headers[3].second.rfind(R"(keyId="https://a.example/users/alice#main-key",algorithm="rsa-sha256",)"
                                    R"(headers="(request-target) host date digest",signature=")", 0),
            0u);
  EXPECT_TRUE(verify(signed_request("POST", "https://b.example/inbox", "{}", kNow), kNow).ok());
}

TEST(HttpSignatures, SignsGetsWithAcceptAndQuery) {
  SignOptions options;
  options.also_signed = {{"Accept", "application/activity+json"}};
  auto r = signed_request("GET", "https://b.example:8443/users/bob?page=1", "", kNow, options);
  EXPECT_EQ(r.headers.get_or("Host", ""), "b.example:8443");
  EXPECT_FALSE(r.headers.has("Digest"));
  SignatureClaim claim = claim_of(r);
  EXPECT_EQ(claim.covered, (std::vector<std::string>{"(request-target)", "host", "date", "accept"}));
  EXPECT_EQ(cavage_signing_string(claim, r),
            "(request-target): get /users/bob?page=1\nhost: b.example:8443\ndate: Wed, 20 Dec 2023 10:00:00 GMT\n"
            "accept: application/activity+json");
  EXPECT_TRUE(verify(r, kNow).ok());
  r.headers.set("Accept", "text/html");
  EXPECT_EQ(verify(r, kNow).status, VerifyStatus::bad_signature);
}

TEST(HttpSignatures, TamperedRequestsFail) {
  auto good = signed_request("POST", "https://b.example/inbox", R"({"type":"Follow"})", kNow);
  ASSERT_TRUE(verify(good, kNow).ok());

  auto body = good;
  body.body = R"({"type":"Block"})";
  EXPECT_EQ(verify(body, kNow).reason,
            "Invalid Digest value. Computed SHA-256 digest: " + crypto::base64(crypto::sha256(body.body)) +
                "; given: " + crypto::base64(crypto::sha256(good.body)));

  auto digest = body;  // a matching digest for the new body: the signature no longer covers it
  digest.headers.set("Digest", digest_header(body.body));
  auto result = verify(digest, kNow);
  EXPECT_EQ(result.status, VerifyStatus::bad_signature);
  EXPECT_EQ(result.reason, "Verification failed for key https://a.example/users/alice#main-key using rsa-v1_5-sha256");

  auto path = good;
  path.target = "/users/bob/inbox";
  EXPECT_EQ(verify(path, kNow).status, VerifyStatus::bad_signature);

  auto date = good;
  date.headers.set("Date", format_http_date(kNow + 1000));
  EXPECT_EQ(verify(date, kNow).status, VerifyStatus::bad_signature);

  auto method = good;
  method.method = "PUT";
  EXPECT_EQ(verify(method, kNow).status, VerifyStatus::bad_signature);

  auto missing = good;
  missing.headers.set("Digest", "");
  EXPECT_NE(verify(missing, kNow).reason, "");
  missing = good;
  http::Headers without;
  for (const auto& [k, v] : good.headers.all())
    if (k != "Digest") without.add(k, v);
  missing.headers = without;
  EXPECT_EQ(verify(missing, kNow).reason, "Digest header missing");

  auto other_key = crypto::generate_rsa_keypair(2048);
  EXPECT_EQ(verify(good, kNow, other_key.public_pem).status, VerifyStatus::bad_signature);
}

TEST(HttpSignatures, DateMustBeWithinMastodonsWindow) {
  auto r = signed_request("POST", "https://b.example/inbox", "{}", kNow);
  const int64_t minute = 60'000;
  EXPECT_TRUE(verify(r, kNow + 64 * minute).ok());  // 5 minutes of life + 1 hour of skew
  EXPECT_EQ(verify(r, kNow + 66 * minute).reason, "Signed request date outside acceptable time window");
  EXPECT_TRUE(verify(r, kNow - 59 * minute).ok());  // from up to an hour in the future
  EXPECT_EQ(verify(r, kNow - 61 * minute).reason, "Signed request date outside acceptable time window");

  // An unsigned `created` cannot refresh an old request.
  auto replay = r;
  std::string sig(*r.headers.get("Signature"));
  replay.headers.set("Signature", sig.replace(sig.find("rsa-sha256"), 10, "hs2019") + ",created=" +
                                      std::to_string((kNow + 120 * minute) / 1000));
  EXPECT_EQ(verify(replay, kNow + 120 * minute).reason, "Signed request date outside acceptable time window");
}

TEST(HttpSignatures, Rfc9421RoundTrips) {
  SignOptions options;
  options.style = SignatureStyle::rfc9421;
  auto r = signed_request("POST", "https://b.example/inbox?x=1", "{}", kNow, options);
  EXPECT_EQ(r.headers.get_or("Content-Digest", ""), "sha-256=:RBNvo1WzZ4oRRq0W9+hknpT7T8If536DEMBg9hyq/4o=:");
  EXPECT_EQ(r.headers.get_or("Signature-Input", ""),
            R"(sig1=("@method" "@target-uri" "content-digest");created=1703066400;)"
            R"(keyid="https://a.example/users/alice#main-key";alg="rsa-v1_5-sha256")");
  EXPECT_TRUE(verify(r, kNow).ok()) << verify(r, kNow).reason;

  auto host = r;  // @target-uri covers the authority
  host.headers.set("Host", "c.example");
  EXPECT_EQ(verify(host, kNow).status, VerifyStatus::bad_signature);
  auto body = r;
  body.body = "{ }";
  EXPECT_EQ(verify(body, kNow).reason.rfind("Invalid Digest value. Computed SHA-256 digest: ", 0), 0u);
  EXPECT_EQ(verify(r, kNow + 2 * 3600'000).reason, "Signed request date outside acceptable time window");
  auto http_scheme = r;
  auto claim = claim_of(http_scheme);
  EXPECT_EQ(verify_signature(claim, r, rsa_key().public_pem, kNow, VerifyOptions{"http"}).status,
            VerifyStatus::bad_signature);

  // A POST must cover Content-Digest.
  auto uncovered = request_with("POST", "/inbox", {{"Host", "b.example"}}, "{}");
  uncovered.headers.add("Signature-Input", R"(sig1=("@method" "@target-uri");created=1703066400;keyid="k")");
  uncovered.headers.add("Signature", "sig1=:AAAA:");
  EXPECT_EQ(verify(uncovered, kNow).reason,
            "Mastodon requires the Content-Digest header to be signed when doing a POST request");

  // Other key types, with the fixture keys.
  auto vectors = load_vectors("rfc9421-test-vectors.json");
  for (std::string keyid : {"test-key-ed25519", "test-key-ecc-p256"}) {
    const auto& key = vectors.at("keys").at(keyid).as_object();
    auto headers = sign_request({keyid, str(key.at("private_pem"))}, "GET", "https://b.example/users/bob", "",
                                kNow, options);
    auto get = request_with("GET", "/users/bob", headers);
    EXPECT_TRUE(verify(get, kNow, str(key.at("public_pem"))).ok()) << keyid;
    EXPECT_EQ(verify(get, kNow, rsa_key().public_pem).status, VerifyStatus::bad_signature) << keyid;
  }
}

TEST(HttpSignatures, ParsingRejectsWhatItCannotRead) {
  auto parse = [](const HeaderList& headers) { return parse_signature(request_with("GET", "/", headers)).error; };
  EXPECT_EQ(parse({}), "Request not signed");
  EXPECT_EQ(parse({{"Authorization", "Bearer abc"}}), "Request not signed");
  EXPECT_EQ(parse({{"Signature", "garbage"}}), "Error parsing signature parameters");
  EXPECT_EQ(parse({{"Signature", R"(keyId="a",keyId="b",signature="AAAA")"}}), "Error parsing signature parameters");
  EXPECT_EQ(parse({{"Signature", R"(algorithm="rsa-sha256",signature="AAAA")"}}),
            "Incompatible request signature. keyId and signature are required");
  EXPECT_EQ(parse({{"Signature", R"(keyId="a",signature="!!")"}}),
            "Error parsing signature parameters: the signature is not Base64");
  EXPECT_EQ(parse({{"Signature-Input", R"(a=("@method");created=1;keyid="k", b=("@method");created=1;keyid="k")"},
                   {"Signature", "a=:AAAA:, b=:AAAA:"}}),
            "Only a single signature is supported");
  EXPECT_EQ(parse({{"Signature-Input", R"(a=("@method");keyid="k")"}, {"Signature", "a=:AAAA:"}}),
            "Incompatible request signature. keyid and created are required");
  EXPECT_EQ(parse({{"Signature-Input", R"(a=("@method");created=1;keyid="k")"}, {"Signature", "b=:AAAA:"}}),
            "Signature header has no signature labelled a");
  EXPECT_EQ(parse({{"Signature-Input", R"(a=("content-type";sf);created=1;keyid="k")"}, {"Signature", "a=:AAAA:"}}),
            "Unsupported component parameter sf on content-type");
  EXPECT_EQ(parse({{"Signature-Input", "a=(\"@method\""}, {"Signature", "a=:AAAA:"}}),
            "Error parsing Signature-Input header");

  // Tolerated: the "Signature " prefix old node-http-signature put in the header, whitespace, tokens.
  auto claim = parse_signature(request_with(
      "GET", "/", {{"Signature", R"(Signature keyId = "a" , algorithm=hs2019, headers="Date Host",signature="AAAA")"}}));
  ASSERT_TRUE(claim.claim) << claim.error;
  EXPECT_EQ(claim.claim->algorithm, "hs2019");
  EXPECT_EQ(claim.claim->covered, (std::vector<std::string>{"date", "host"}));

  auto unsupported = request_with("GET", "/", {{"Signature", R"(keyId="a",algorithm="rsa-sha512",signature="AAAA")"}});
  EXPECT_EQ(verify(unsupported, kNow).reason,
            "Unsupported signature algorithm (only rsa-sha256 and hs2019 are supported)");
  auto no_host = request_with("GET", "/", {{"Date", format_http_date(kNow)},
                                           {"Signature", R"(keyId="a",headers="(request-target) date",signature="AAAA")"}});
  EXPECT_EQ(verify(no_host, kNow).reason, "Mastodon requires the Host header to be signed when doing a GET request");
}

TEST(HttpSignatures, DigestsAcceptSha256AndSha512) {
  std::string body = "Hello world";
  EXPECT_FALSE(check_digest(digest_header(body), body));
  EXPECT_FALSE(check_digest("SHA-512=" + crypto::base64(crypto::sha512(body)), body));
  EXPECT_FALSE(check_digest("sha-256=ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=, md5=abc", body));
  EXPECT_EQ(check_digest("MD5=abc", body), "Only SHA-256 and SHA-512 are supported in the Digest header. Offered algorithms: md5");
  EXPECT_EQ(check_digest("SHA-256=abc", body),
            "Invalid Digest value. The provided Digest value is not a valid base64 string. Given digest: abc");
  EXPECT_EQ(check_digest("SHA-256=AAAA", body),
            "Invalid Digest value. The provided Digest value is not a SHA-256 digest. Given digest: AAAA");
  EXPECT_FALSE(check_content_digest(content_digest_header(body), body));
  EXPECT_FALSE(check_content_digest("sha-512=:" + crypto::base64(crypto::sha512(body)) + ":", body));
  EXPECT_EQ(check_content_digest("sha-256=abc", body),
            "Content-Digest could not be parsed. It does not contain a valid RFC8941 dictionary.");
  EXPECT_EQ(check_content_digest("sha-256=:AAAA:", body),
            "Invalid Digest value. Computed SHA-256 digest: ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=; given: AAAA");
  EXPECT_EQ(check_content_digest("md5=:AAAA:", body),
            "Only SHA-256 and SHA-512 are supported in the Content-Digest header. Offered algorithms: md5");
}

TEST(StructuredFields, ParsesAndSerializesCanonically) {
  auto d = sf::parse_dictionary(R"(a=("x" "y";n="v");p=1;q=?0,  b=:AAAA:, c, d=tok/en:1;w=1.50)");
  ASSERT_TRUE(d);
  ASSERT_EQ(d->size(), 4u);
  EXPECT_EQ(sf::serialize(std::get<sf::InnerList>((*d)[0].second)), R"(("x" "y";n="v");p=1;q=?0)");
  EXPECT_EQ(std::get<sf::ByteSequence>(std::get<sf::Item>((*d)[1].second).value).bytes, std::string(3, '\0'));
  EXPECT_EQ(std::get<bool>(std::get<sf::Item>((*d)[2].second).value), true);
  EXPECT_EQ(sf::serialize(std::get<sf::Item>((*d)[3].second)), "tok/en:1;w=1.5");
  for (const char* bad : {"a=", "a=(", "A=1", "a=1,", "a=\"x", "a=:AAA:", "a=1;", "a=?2", "a=1 b=2"})
    EXPECT_FALSE(sf::parse_dictionary(bad)) << bad;
}

TEST(Time, ParsesTheThreeHttpDateForms) {
  int64_t expected = 784111777000;  // 1994-11-06T08:49:37Z
  EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), expected);
  EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), expected);
  EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), expected);
  EXPECT_EQ(parse_http_date(format_http_date(kNow)), kNow);
  for (const char* bad : {"wrong date", "", "Sun, 06 Nov 1994 08:49:37", "Sun, 31 Feb 1994 08:49:37 GMT",
                          "18 Dec 2019 10:08:46 GMT", "Sun, 06 Nov 1994 25:49:37 GMT"})
    EXPECT_FALSE(parse_http_date(bad)) << bad;
}
