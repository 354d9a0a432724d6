#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/backup_storage.h"
#include "core/config.h"

using namespace agora;

TEST(Config, ProductionNeedsADomain) {
  EXPECT_THROW(load_config({}), ConfigError);
  Config c = load_config({{"AGORA_DOMAIN", "social.example.org"}});
  EXPECT_EQ(c.env, Environment::production);
  EXPECT_EQ(c.base_url(), "https://social.example.org");
  EXPECT_EQ(c.database_url, "sqlite:data/agora.sqlite3");
  EXPECT_TRUE(c.uses_sqlite());
}

TEST(Config, DevelopmentDefaultsToLocalhostOverHttp) {
  Config c = load_config({{"AGORA_ENV", "development"}});
  EXPECT_EQ(c.domain, "localhost:3000");
  EXPECT_EQ(c.base_url(), "http://localhost:3000");
  // A real domain is https even in development.
  Config d = load_config({{"AGORA_ENV", "development"}, {"AGORA_DOMAIN", "dev.example.org"}});
  EXPECT_EQ(d.scheme(), "https");
  // Loopback in production is still https: production is never served over http.
  Config p = load_config({{"AGORA_DOMAIN", "localhost:3000"}});
  EXPECT_EQ(p.scheme(), "https");
}

TEST(Config, TestHttpMakesOwnUrlsHttp) {
  Config c = load_config({{"AGORA_ENV", "test"}, {"AGORA_DOMAIN", "a.test"}, {"AGORA_TEST_HTTP", "true"}});
  EXPECT_EQ(c.base_url(), "http://a.test");
  EXPECT_EQ(load_config({{"AGORA_ENV", "test"}, {"AGORA_DOMAIN", "a.test"}}).scheme(), "https");
}

TEST(Config, ParsesEverySetting) {
  Config c = load_config({{"AGORA_ENV", "test"},
                          {"AGORA_DOMAIN", "a.localhost:4000"},
                          {"AGORA_LISTEN", "[::1]:4001"},
                          {"AGORA_DATA_DIR", "/tmp/x"},
                          {"AGORA_DATABASE_URL", "postgres://u@127.0.0.1/agora"},
                          {"AGORA_REDIS_URL", "redis://127.0.0.1:6379/0"},
                          {"AGORA_IO_THREADS", "2"},
                          {"AGORA_HANDLER_THREADS", "8"},
                          {"AGORA_LOG_LEVEL", "warn"},
                          {"AGORA_TEST_HTTP", "true"},
                          {"AGORA_TEST_CONNECT_TO", "a.test=127.0.0.1:4001, b.test=[::1]:4002"}});
  EXPECT_EQ(c.listen_host, "::1");
  EXPECT_EQ(c.listen_port, 4001);
  EXPECT_EQ(c.data_dir, "/tmp/x");
  EXPECT_FALSE(c.uses_sqlite());
  EXPECT_EQ(*c.redis_url, "redis://127.0.0.1:6379/0");
  EXPECT_EQ(c.io_threads, 2);
  EXPECT_EQ(c.handler_threads, 8);
  EXPECT_EQ(c.log_level, log::Level::warn);
  EXPECT_TRUE(c.test_http);
  EXPECT_EQ(c.test_connect_to, (std::vector<ConnectTo>{{"a.test", "127.0.0.1", 4001}, {"b.test", "::1", 4002}}));
  EXPECT_EQ(c.base_url(), "http://a.localhost:4000");
}

TEST(Config, HandlerThreadsDefaultToTwicePerCoreOnPostgres) {
  unsigned cores = std::thread::hardware_concurrency();
  EXPECT_EQ(load_config({{"AGORA_ENV", "test"}}).handler_threads, static_cast<int>(std::max(2u, cores)));
  Config pg = load_config({{"AGORA_ENV", "test"}, {"AGORA_DATABASE_URL", "postgres://u@127.0.0.1/agora"}});
  EXPECT_EQ(pg.handler_threads, static_cast<int>(std::max(4u, 2 * cores)));
  Config set = load_config({{"AGORA_ENV", "test"},
                            {"AGORA_DATABASE_URL", "postgres://u@127.0.0.1/agora"},
                            {"AGORA_HANDLER_THREADS", "3"}});
  EXPECT_EQ(set.handler_threads, 3);
}

TEST(Config, RejectsUnknownAndInvalidValuesWithTheirName) {
  auto message = [](std::map<std::string, std::string> vars) {
    try {
      load_config(vars);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message({{"AGORA_DOMIAN", "x.org"}}).find("unknown setting AGORA_DOMIAN"), std::string::npos);
  EXPECT_NE(message({{"AGORA_ENV", "staging"}}).find("AGORA_ENV=staging"), std::string::npos);
  EXPECT_NE(message({{"AGORA_DOMAIN", "Bad_Domain!"}}).find("AGORA_DOMAIN"), std::string::npos);
  EXPECT_NE(message({{"AGORA_DOMAIN", "x.org"}, {"AGORA_LISTEN", "3000"}}).find("AGORA_LISTEN"), std::string::npos);
  EXPECT_NE(message({{"AGORA_DOMAIN", "x.org"}, {"AGORA_DATABASE_URL", "mysql://x"}}).find("AGORA_DATABASE_URL"),
            std::string::npos);
  EXPECT_NE(message({{"AGORA_DOMAIN", "x.org"}, {"AGORA_IO_THREADS", "0"}}).find("AGORA_IO_THREADS"),
            std::string::npos);
  // Test-only settings are refused outside the test environment.
  for (const char* name : {"AGORA_TEST_HTTP", "AGORA_TEST_CONNECT_TO", "AGORA_TEST_CA_FILE"})
    EXPECT_NE(message({{"AGORA_DOMAIN", "x.org"}, {name, "a.test=127.0.0.1:1"}}).find(
                  std::string(name) + " is only allowed with AGORA_ENV=test"),
              std::string::npos);
  for (const char* bad : {"a.test", "a.test=localhost:1", "a.test=127.0.0.1", "a.test=127.0.0.1:0", "=1.2.3.4:5"})
    EXPECT_NE(message({{"AGORA_ENV", "test"}, {"AGORA_TEST_CONNECT_TO", bad}}).find("AGORA_TEST_CONNECT_TO"),
              std::string::npos)
        << bad;
  EXPECT_NE(message({{"AGORA_ENV", "test"}, {"AGORA_TEST_CA_FILE", "/nonexistent/ca.pem"}}).find("AGORA_TEST_CA_FILE"),
            std::string::npos);
  EXPECT_NE(message({{"AGORA_DOMAIN", "x.org"}, {"AGORA_AUTHORIZED_FETCH", "sometimes"}}).find("AGORA_AUTHORIZED_FETCH"),
            std::string::npos);
  EXPECT_TRUE(load_config({{"AGORA_DOMAIN", "x.org"}, {"AGORA_AUTHORIZED_FETCH", "true"}}).authorized_fetch);
  EXPECT_FALSE(load_config({{"AGORA_DOMAIN", "x.org"}}).authorized_fetch);
  // Variables of other programs are none of our business.
  EXPECT_NO_THROW(load_config({{"AGORA_DOMAIN", "x.org"}, {"HOME", "/root"}}));
}

TEST(Config, ReadsKeyValueFilesLikeDotEnv) {
  auto path = std::filesystem::temp_directory_path() / "agora-config-test.env";
  {
    std::ofstream f(path);
    f << "# production settings\n\nAGORA_DOMAIN=social.example.org\nexport AGORA_LOG_LEVEL = \"debug\"\n"
         "AGORA_DATA_DIR='/var/lib/agora'\n";
  }
  auto vars = read_config_file(path);
  EXPECT_EQ(vars.at("AGORA_DOMAIN"), "social.example.org");
  EXPECT_EQ(vars.at("AGORA_LOG_LEVEL"), "debug");
  EXPECT_EQ(vars.at("AGORA_DATA_DIR"), "/var/lib/agora");
  {
    std::ofstream f(path);
    f << "AGORA_DOMAIN=x.org\nthis line is wrong\n";
  }
  try {
    read_config_file(path);
    FAIL() << "expected an error";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find(":2: expected KEY=value"), std::string::npos);
  }
  std::filesystem::remove(path);
  EXPECT_THROW(read_config_file(path), ConfigError);
}

TEST(Config, BackupBucketSettingsFallBackOneByOneToTheMediaStorage) {
  std::map<std::string, std::string> media = {{"AGORA_DOMAIN", "social.example.org"},
                                              {"AGORA_S3_BUCKET", "media"},
                                              {"AGORA_S3_ENDPOINT", "https://files.example.org"},
                                              {"AGORA_S3_REGION", "eu-west-1"},
                                              {"AGORA_S3_ACCESS_KEY_ID", "media-key"},
                                              {"AGORA_S3_SECRET_ACCESS_KEY", "media-secret"}};
  auto same = backup_bucket_storage(load_config(media), media);
  EXPECT_EQ(same.endpoint, "https://files.example.org");
  EXPECT_EQ(same.access_key_id, "media-key");
  EXPECT_EQ(same.secret_access_key, "media-secret");
  EXPECT_TRUE(same.bucket.empty());
  EXPECT_TRUE(same.permission.empty());  // backups are private

  auto own = media;
  own["AGORA_BACKUP_S3_ACCESS_KEY_ID"] = "backup-key";
  own["AGORA_BACKUP_S3_SECRET_ACCESS_KEY"] = "backup-secret";
  own["AGORA_BACKUP_S3_REGION"] = "";  // empty: the media one
  auto mixed = backup_bucket_storage(load_config(own), own);
  EXPECT_EQ(mixed.endpoint, "https://files.example.org");
  EXPECT_EQ(mixed.region, "eu-west-1");
  EXPECT_EQ(mixed.access_key_id, "backup-key");
  EXPECT_EQ(mixed.secret_access_key, "backup-secret");

  // Files on disk: the backup settings alone, checked when the configuration is loaded.
  std::map<std::string, std::string> local = {{"AGORA_DOMAIN", "social.example.org"},
                                              {"AGORA_BACKUP_S3_ENDPOINT", "http://127.0.0.1:9000"},
                                              {"AGORA_BACKUP_S3_PATH_STYLE", "true"}};
  auto alone = backup_bucket_storage(load_config(local), local);
  EXPECT_EQ(alone.endpoint, "http://127.0.0.1:9000");
  EXPECT_TRUE(alone.path_style);
  EXPECT_TRUE(alone.access_key_id.empty());
  local["AGORA_BACKUP_S3_ENDPOINT"] = "127.0.0.1:9000";
  EXPECT_THROW(load_config(local), ConfigError);
  local["AGORA_BACKUP_S3_ENDPOINT"] = "https://s3.example.org";
  local["AGORA_BACKUP_S3_REGION"] = "Not A Region";
  EXPECT_THROW(load_config(local), ConfigError);
}
