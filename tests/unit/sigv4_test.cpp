// AWS Signature Version 4 against AWS's published vectors: the
// aws-sig-v4-test-suite (credentials AKIDEXAMPLE, 20150830T123600Z,
// us-east-1, service "service") and the S3 API reference's examples for the
// Authorization header and presigned URLs (AKIAIOSFODNN7EXAMPLE,
// 20130524T000000Z, examplebucket).
#include <gtest/gtest.h>

#include "core/crypto.h"
#include "media/sigv4.h"

using namespace agora::media::sigv4;

namespace {

const Credentials kSuite{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"};
const Scope kSuiteScope{"us-east-1", "service"};
constexpr const char* kSuiteDate = "20150830T123600Z";
constexpr const char* kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr const char* kFormHash = "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e";

struct SuiteCase {
  const char* name;
  const char* method;
  const char* path;
  Pairs query;
  Pairs headers;  // without X-Amz-Date: the signer adds it
  const char* payload_hash;
  bool normalize;
  const char* canonical_uri;
  const char* signed_headers;
  const char* signature;
};

const Pairs kHost = {{"Host", "example.amazonaws.com"}};

std::string line(const std::string& text, int index) {
  size_t start = 0;
  for (int i = 0; i < index; ++i) start = text.find('\n', start) + 1;
  return text.substr(start, text.find('\n', start) - start);
}

Pairs with_host(Pairs more) {
  Pairs out = kHost;
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

const std::vector<SuiteCase> kSuiteCases = {
    {"get-vanilla", "GET", "/", {}, kHost, kEmptyHash, false, "/", "host;x-amz-date",
     "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"},
    {"get-vanilla-query-order-key-case", "GET", "/", {{"Param2", "value2"}, {"Param1", "value1"}}, kHost, kEmptyHash,
     false, "/", "host;x-amz-date", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"},
    {"get-vanilla-query-order-value", "GET", "/", {{"Param1", "value2"}, {"Param1", "value1"}}, kHost, kEmptyHash,
     false, "/", "host;x-amz-date", "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"},
    {"get-vanilla-query-unreserved", "GET", "/",
     {{"-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
       "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}},
     kHost, kEmptyHash, false, "/", "host;x-amz-date",
     "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"},
    {"get-vanilla-utf8-query", "GET", "/", {{"\xE1\x88\xB4", "bar"}}, kHost, kEmptyHash, false, "/",
     "host;x-amz-date", "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"},
    {"get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", {}, kHost,
     kEmptyHash, false, "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "host;x-amz-date",
     "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"},
    // The path's bytes are encoded once: what S3 signs for a key "ሴ".
    {"get-utf8", "GET", "/\xE1\x88\xB4", {}, kHost, kEmptyHash, false, "/%E1%88%B4", "host;x-amz-date",
     "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"},
    {"get-space (unnormalized)", "GET", "/example space/", {}, kHost, kEmptyHash, false, "/example%20space/",
     "host;x-amz-date", "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"},
    // S3 does not normalize: "//example//" is signed as it is...
    {"get-slashes (unnormalized, as S3)", "GET", "//example//", {}, kHost, kEmptyHash, false, "//example//",
     "host;x-amz-date", "87cca117541a147f6df867677d98a7d80dff226d2bfca9e4ffa899665623c7e5"},
    // ...other services collapse it first.
    {"normalize-path/get-slashes", "GET", "//example//", {}, kHost, kEmptyHash, true, "/example/", "host;x-amz-date",
     "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"},
    {"get-header-key-duplicate", "GET", "/", {},
     with_host({{"My-Header1", "value2"}, {"My-Header1", "value2"}, {"My-Header1", "value1"}}), kEmptyHash, false, "/",
     "host;my-header1;x-amz-date", "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"},
    {"get-header-value-order", "GET", "/", {},
     with_host({{"My-Header1", "value4"}, {"My-Header1", "value1"}, {"My-Header1", "value3"}, {"My-Header1", "value2"}}),
     kEmptyHash, false, "/", "host;my-header1;x-amz-date",
     "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"},
    {"get-header-value-trim", "GET", "/", {}, with_host({{"My-Header1", " value1"}, {"My-Header2", " \"a   b   c\""}}),
     kEmptyHash, false, "/", "host;my-header1;my-header2;x-amz-date",
     "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"},
    {"post-vanilla-query", "POST", "/", {{"Param1", "value1"}}, kHost, kEmptyHash, false, "/", "host;x-amz-date",
     "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"},
    {"post-header-key-sort", "POST", "/", {}, with_host({{"My-Header1", "value1"}}), kEmptyHash, false, "/",
     "host;my-header1;x-amz-date", "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"},
    // The 2015 suite's form post signs only Content-Type; the current one
    // also signs Content-Length and the payload hash header.
    {"post-x-www-form-urlencoded (2015)", "POST", "/", {},
     {{"Content-Type", "application/x-www-form-urlencoded"}, {"Host", "example.amazonaws.com"}}, kFormHash, false, "/",
     "content-type;host;x-amz-date", "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"},
    {"post-x-www-form-urlencoded", "POST", "/", {},
     {{"Content-Type", "application/x-www-form-urlencoded"},
      {"Host", "example.amazonaws.com"},
      {"Content-Length", "13"},
      {"X-Amz-Content-Sha256", kFormHash}},
     kFormHash, false, "/", "content-length;content-type;host;x-amz-content-sha256;x-amz-date",
     "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"},
    {"post-x-www-form-urlencoded-parameters", "POST", "/", {},
     {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
      {"Host", "example.amazonaws.com"},
      {"Content-Length", "13"},
      {"X-Amz-Content-Sha256", kFormHash}},
     kFormHash, false, "/", "content-length;content-type;host;x-amz-content-sha256;x-amz-date",
     "328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422"},
};

}  // namespace

TEST(SigV4, SuiteVectors) {
  for (const auto& c : kSuiteCases) {
    SCOPED_TRACE(c.name);
    Request request{c.method, c.path, c.query, c.headers, c.payload_hash};
    Options options{c.normalize, false};
    Signed s = sign(request, kSuite, kSuiteScope, kSuiteDate, options);
    EXPECT_EQ(canonical_uri(c.path, c.normalize), c.canonical_uri);
    EXPECT_EQ(s.signature, c.signature);
    EXPECT_EQ(s.authorization,
              std::string("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                          "SignedHeaders=") +
                  c.signed_headers + ", Signature=" + c.signature);
    EXPECT_EQ(s.headers.back(), (std::pair<std::string, std::string>{"Authorization", s.authorization}));
  }
}

TEST(SigV4, SuiteStagesOfGetVanillaQueryOrderKeyCase) {
  Request request{"GET", "/", {{"Param2", "value2"}, {"Param1", "value1"}}, kHost, kEmptyHash};
  Signed s = sign(request, kSuite, kSuiteScope, kSuiteDate, {false, false});
  EXPECT_EQ(s.canonical_request,
            "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
            "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(s.string_to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0");
}

TEST(SigV4, SuitePresignedQueryForm) {
  struct Case {
    const char* name;
    Request request;
    const char* canonical_query;
    const char* signature;
  };
  const std::vector<Case> cases = {
      {"get-vanilla", {"GET", "/", {}, kHost, kEmptyHash},
       "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&"
       "X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host",
       "e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d"},
      {"get-vanilla-query-order-key-case", {"GET", "/", {{"Param2", "value2"}, {"Param1", "value1"}}, kHost, kEmptyHash},
       "Param1=value1&Param2=value2&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-"
       "1%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host",
       "86012e2c9ad4d77369f5d81c11f75158aae4f895a085212cc6d3f923d300bed5"},
      {"post-x-www-form-urlencoded",
       {"POST", "/", {},
        {{"Content-Type", "application/x-www-form-urlencoded"},
         {"Host", "example.amazonaws.com"},
         {"Content-Length", "13"}},
        kFormHash},
       "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request&"
       "X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost",
       "89a40deed0f26f9461242825a082d2222717248abc7ab41f552ad84a94ad46e9"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Presigned p = presign(c.request, kSuite, kSuiteScope, kSuiteDate, 3600, {false, false});
    EXPECT_EQ(line(p.canonical_request, 2), c.canonical_query);
    EXPECT_EQ(p.signature, c.signature);
    EXPECT_EQ(p.query.back(), (std::pair<std::string, std::string>{"X-Amz-Signature", c.signature}));
  }
}

namespace {

const Credentials kS3{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"};
const Scope kS3Scope{"us-east-1", "s3"};
constexpr const char* kS3Date = "20130524T000000Z";
const Pairs kBucketHost = {{"Host", "examplebucket.s3.amazonaws.com"}};

}  // namespace

TEST(SigV4, S3ReferenceGetObject) {
  Pairs headers = kBucketHost;
  headers.emplace_back("Range", "bytes=0-9");
  Signed s = sign({"GET", "/test.txt", {}, headers, kEmptyHash}, kS3, kS3Scope, kS3Date);
  EXPECT_EQ(s.canonical_request,
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
            "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
            "x-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(s.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
            "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
  EXPECT_EQ(s.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  EXPECT_EQ(s.authorization,
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST(SigV4, S3ReferencePutObject) {
  std::string body = "Welcome to Amazon S3.";
  std::string hash = agora::crypto::sha256_hex(body);
  EXPECT_EQ(hash, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  Pairs headers = kBucketHost;
  headers.emplace_back("Date", "Fri, 24 May 2013 00:00:00 GMT");
  headers.emplace_back("x-amz-storage-class", "REDUCED_REDUNDANCY");
  // The key "test$file.text": '$' is encoded once, as S3 signs it.
  Signed s = sign({"PUT", "/test$file.text", {}, headers, hash}, kS3, kS3Scope, kS3Date);
  EXPECT_EQ(s.canonical_request,
            "PUT\n/test%24file.text\n\ndate:Fri, 24 May 2013 00:00:00 GMT\nhost:examplebucket.s3.amazonaws.com\n"
            "x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072\n"
            "x-amz-date:20130524T000000Z\nx-amz-storage-class:REDUCED_REDUNDANCY\n\n"
            "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n"
            "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  EXPECT_EQ(s.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
            "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
  EXPECT_EQ(s.signature, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

TEST(SigV4, S3ReferenceGetBucketLifecycleAndListObjects) {
  Signed lifecycle = sign({"GET", "/", {{"lifecycle", ""}}, kBucketHost, kEmptyHash}, kS3, kS3Scope, kS3Date);
  EXPECT_EQ(lifecycle.signature, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  Signed list =
      sign({"GET", "/", {{"max-keys", "2"}, {"prefix", "J"}}, kBucketHost, kEmptyHash}, kS3, kS3Scope, kS3Date);
  EXPECT_EQ(list.signature, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

TEST(SigV4, S3ReferencePresignedUrl) {
  Presigned p =
      presign({"GET", "/test.txt", {}, kBucketHost, "UNSIGNED-PAYLOAD"}, kS3, kS3Scope, kS3Date, 86400);
  EXPECT_EQ(p.signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
}

TEST(SigV4, S3RulesEncodeOnceAndKeepDotSegments) {
  EXPECT_EQ(canonical_uri("/holiday photos/\xC3\xBC" "ber.jpg", false), "/holiday%20photos/%C3%BCber.jpg");
  EXPECT_EQ(canonical_uri("//archive/./2024/../2025//", false), "//archive/./2024/../2025//");
  EXPECT_EQ(canonical_uri("/foo/bar/../..", true), "/");
  EXPECT_EQ(canonical_uri("/./foo", true), "/foo");
  EXPECT_EQ(canonical_uri("", false), "/");
  EXPECT_EQ(uri_encode("a/b+c=d", true), "a%2Fb%2Bc%3Dd");
  EXPECT_EQ(uri_encode("a!b'c(d)e*f", false), "a%21b%27c%28d%29e%2Af");
  EXPECT_EQ(canonical_query({{"uploads", ""}, {"prefix", "photos/"}}), "prefix=photos%2F&uploads=");
}

TEST(SigV4, AmzDate) {
  EXPECT_EQ(amz_date(1369353600000), "20130524T000000Z");
  EXPECT_EQ(amz_date(1440938160000), "20150830T123600Z");
}
