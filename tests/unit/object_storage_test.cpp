// Object storage: its settings, the S3 store's URLs and error reports, and
// the Range requests stored files are served with.
#include <gtest/gtest.h>

#include "core/config.h"
#include "http/byte_range.h"
#include "media/image_type.h"
#include "media/s3_store.h"

using namespace agora;

namespace {

std::map<std::string, std::string> s3_env(std::map<std::string, std::string> more = {}) {
  std::map<std::string, std::string> env = {{"AGORA_DOMAIN", "social.example.org"},
                                            {"AGORA_S3_BUCKET", "agora-files"},
                                            {"AGORA_S3_ACCESS_KEY_ID", "AKIAEXAMPLE"},
                                            {"AGORA_S3_SECRET_ACCESS_KEY", "very-secret-key"}};
  for (auto& [k, v] : more) env[k] = v;
  return env;
}

std::string config_error(const std::map<std::string, std::string>& env) {
  try {
    load_config(env);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(ObjectStorageConfig, OffWithoutABucketAndDefaults) {
  Config plain = load_config({{"AGORA_DOMAIN", "social.example.org"}});
  EXPECT_FALSE(plain.s3.enabled());
  Config c = load_config(s3_env());
  EXPECT_TRUE(c.s3.enabled());
  EXPECT_EQ(c.s3.region, "us-east-1");
  EXPECT_EQ(c.s3.permission, "public-read");
  EXPECT_FALSE(c.s3.path_style);
}

TEST(ObjectStorageConfig, ParsesEverySetting) {
  Config c = load_config(s3_env({{"AGORA_S3_ENDPOINT", "http://127.0.0.1:9000/"},
                                 {"AGORA_S3_REGION", "eu-central-1"},
                                 {"AGORA_S3_PATH_STYLE", "true"},
                                 {"AGORA_S3_ALIAS_HOST", "files.example.org/media/"},
                                 {"AGORA_S3_PERMISSION", ""}}));
  EXPECT_EQ(c.s3.endpoint, "http://127.0.0.1:9000");
  EXPECT_EQ(c.s3.region, "eu-central-1");
  EXPECT_TRUE(c.s3.path_style);
  EXPECT_EQ(c.s3.alias_host, "files.example.org/media");
  EXPECT_EQ(c.s3.permission, "");
  EXPECT_EQ(c.s3.secret_access_key, "very-secret-key");
}

TEST(ObjectStorageConfig, RefusesIncompleteOrInvalidSettingsByName) {
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_ACCESS_KEY_ID", ""}})).find("AGORA_S3_ACCESS_KEY_ID is required"),
            std::string::npos);
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_SECRET_ACCESS_KEY", ""}})).find("AGORA_S3_SECRET_ACCESS_KEY is required"),
            std::string::npos);
  EXPECT_NE(config_error({{"AGORA_DOMAIN", "a.org"}, {"AGORA_S3_REGION", "eu-west-1"}}).find("needs AGORA_S3_BUCKET"),
            std::string::npos);
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_BUCKET", "Bad_Bucket"}})).find("AGORA_S3_BUCKET"), std::string::npos);
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_ENDPOINT", "s3.example.org"}})).find("AGORA_S3_ENDPOINT"),
            std::string::npos);
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_ENDPOINT", "https://s3.example.org/path"}})).find("AGORA_S3_ENDPOINT"),
            std::string::npos);
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_PERMISSION", "public"}})).find("AGORA_S3_PERMISSION"), std::string::npos);
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_PATH_STYLE", "maybe"}})).find("AGORA_S3_PATH_STYLE"), std::string::npos);
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_ALIAS_HOST", "files.example.org\"><script>"}})).find("AGORA_S3_ALIAS_HOST"),
            std::string::npos);
  EXPECT_NE(config_error(s3_env({{"AGORA_S3_REGION", "EU West"}})).find("AGORA_S3_REGION"), std::string::npos);
}

TEST(ObjectStorageConfig, SecretsAreNeverEchoed) {
  // Any error about a secret names the setting, never its value.
  std::string bad = config_error({{"AGORA_DOMAIN", "a.org"}, {"AGORA_S3_SECRET_ACCESS_KEY", "hunter2-secret"}});
  EXPECT_NE(bad.find("AGORA_S3_SECRET_ACCESS_KEY"), std::string::npos);
  EXPECT_EQ(bad.find("hunter2"), std::string::npos);
}

TEST(S3Store, VirtualHostAndPathStyleUrls) {
  ObjectStorageSettings s;
  s.bucket = "agora-files";
  s.region = "eu-central-1";
  s.access_key_id = "a";
  s.secret_access_key = "b";
  media::S3Store aws(s);
  EXPECT_EQ(aws.object_url("accounts/avatars/1/a.png"),
            "https://agora-files.s3.eu-central-1.amazonaws.com/accounts/avatars/1/a.png");
  EXPECT_EQ(aws.public_base_url(), "https://agora-files.s3.eu-central-1.amazonaws.com");

  s.path_style = true;
  s.endpoint = "https://objects.example.org";
  EXPECT_EQ(media::S3Store(s).object_url("a/b.png"), "https://objects.example.org/agora-files/a/b.png");
  EXPECT_EQ(media::S3Store(s).public_base_url(), "https://objects.example.org/agora-files");

  // An IP endpoint has no virtual hosts: path style whatever the setting.
  s.path_style = false;
  s.endpoint = "http://127.0.0.1:9000";
  EXPECT_EQ(media::S3Store(s).object_url("a/b.png"), "http://127.0.0.1:9000/agora-files/a/b.png");

  s.alias_host = "files.example.org";
  EXPECT_EQ(media::S3Store(s).public_base_url(), "https://files.example.org");
  s.alias_host = "http://127.0.0.1:9000/agora-files";
  EXPECT_EQ(media::S3Store(s).public_base_url(), "http://127.0.0.1:9000/agora-files");
}

TEST(S3Store, SummarizesErrorDocuments) {
  EXPECT_EQ(media::s3_error_summary("<?xml version=\"1.0\"?><Error><Code>SignatureDoesNotMatch</Code>"
                                    "<Message>The request signature we calculated does not match</Message></Error>"),
            "SignatureDoesNotMatch: The request signature we calculated does not match");
  EXPECT_EQ(media::s3_error_summary("<Error><Code>NoSuchBucket</Code></Error>"), "NoSuchBucket");
  EXPECT_EQ(media::s3_error_summary("gateway timeout"), "");
}

TEST(S3Store, InvalidKeysNeverLeaveTheProcess) {
  ObjectStorageSettings s;
  s.bucket = "agora-files";
  s.endpoint = "http://127.0.0.1:1";  // nothing listens there
  s.access_key_id = "a";
  s.secret_access_key = "b";
  media::S3Store store(s);
  EXPECT_THROW(store.put("../etc/passwd", "x", "image/png"), std::runtime_error);
  EXPECT_EQ(store.read("a/../../b.png"), std::nullopt);
  store.remove("/absolute.png");  // no throw
  // A store that cannot be reached fails the upload (a 503 for clients), and reads nothing.
  EXPECT_ANY_THROW(store.put("a/b.png", "x", "image/png"));
  EXPECT_EQ(store.read("a/b.png"), std::nullopt);
}

TEST(ByteRange, SingleRanges) {
  using Kind = http::RangeRequest::Kind;
  auto r = http::parse_range("bytes=0-9", 100);
  EXPECT_EQ(r.kind, Kind::partial);
  EXPECT_EQ(r.range.first, 0u);
  EXPECT_EQ(r.range.last, 9u);
  r = http::parse_range("bytes=90-", 100);
  EXPECT_EQ(r.kind, Kind::partial);
  EXPECT_EQ(r.range.first, 90u);
  EXPECT_EQ(r.range.last, 99u);
  r = http::parse_range("bytes=95-200", 100);  // the end is clamped
  EXPECT_EQ(r.range.last, 99u);
  r = http::parse_range("bytes=-10", 100);  // the last ten
  EXPECT_EQ(r.range.first, 90u);
  EXPECT_EQ(r.range.length(), 10u);
  r = http::parse_range("bytes=-500", 100);  // more than there is: all of it
  EXPECT_EQ(r.range.first, 0u);
  EXPECT_EQ(r.range.last, 99u);
}

TEST(ByteRange, UnsatisfiableAndIgnoredRanges) {
  using Kind = http::RangeRequest::Kind;
  EXPECT_EQ(http::parse_range("bytes=100-", 100).kind, Kind::unsatisfiable);
  EXPECT_EQ(http::parse_range("bytes=100-200", 100).kind, Kind::unsatisfiable);
  EXPECT_EQ(http::parse_range("bytes=-0", 100).kind, Kind::unsatisfiable);
  EXPECT_EQ(http::parse_range("bytes=0-", 0).kind, Kind::unsatisfiable);
  for (const char* ignored : {"items=0-9", "bytes=0-1,5-6", "bytes=9-0", "bytes=a-b", "bytes=", "bytes=-",
                              "bytes=0x1-2", "bytes=99999999999999999999-", "bytes 0-9"})
    EXPECT_EQ(http::parse_range(ignored, 100).kind, Kind::whole) << ignored;
  EXPECT_EQ(http::parse_range(std::nullopt, 100).kind, Kind::whole);
}

TEST(StoredFileTypes, MediaTypesButNeverMarkup) {
  EXPECT_EQ(media::mime_type_for_extension("mp4"), "video/mp4");
  EXPECT_EQ(media::mime_type_for_extension("webm"), "video/webm");
  EXPECT_EQ(media::mime_type_for_extension("mp3"), "audio/mpeg");
  EXPECT_EQ(media::mime_type_for_extension("m4a"), "audio/mp4");
  EXPECT_EQ(media::mime_type_for_extension("oga"), "audio/ogg");
  EXPECT_EQ(media::mime_type_for_extension("avif"), "image/avif");
  for (const char* markup : {"html", "htm", "svg", "xml", "js", "xhtml", "PNG", ""})
    EXPECT_EQ(media::mime_type_for_extension(markup), std::nullopt) << markup;
}
