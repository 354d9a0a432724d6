// Fresh, migrated databases for storage tests: every such test runs once on
// SQLite and once on PostgreSQL (TEST_POSTGRES_URL, set by scripts/test).
#pragma once
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "core/config.h"
#include "core/time.h"
#include "services/context.h"
#include "store/accounts.h"
#include "store/database.h"
#include "store/migrations.h"

namespace agora::test_support {

class DatabaseTest : public ::testing::TestWithParam<store::Dialect> {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    std::string name = "agora_unit_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    if (GetParam() == store::Dialect::sqlite) {
      dir_ = std::filesystem::temp_directory_path() / name;
      std::filesystem::create_directories(dir_);
      url_ = "sqlite:" + (dir_ / "test.sqlite3").string();
    } else {
      const char* admin = std::getenv("TEST_POSTGRES_URL");
      ASSERT_TRUE(admin && *admin) << "TEST_POSTGRES_URL is not set: run the tests through scripts/test";
      admin_url_ = admin;
      auto conn = store::open_postgres(admin_url_);
      conn->exec_script("CREATE DATABASE " + name);
      pg_name_ = name;
      url_ = admin_url_.substr(0, admin_url_.rfind('/') + 1) + name;
    }
    db = store::Database::open(url_, 8);
    auto c = db->acquire();
    store::migrate(*c);
  }

  void TearDown() override {
    db.reset();
    if (!pg_name_.empty()) store::open_postgres(admin_url_)->exec_script("DROP DATABASE " + pg_name_ + " WITH (FORCE)");
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::string url_;
  std::unique_ptr<store::Database> db;

 private:
  std::filesystem::path dir_;
  std::string admin_url_, pg_name_;
};

// A DatabaseTest for services: a test configuration, a Context, and
// confirmed local accounts made on demand.
class ServiceTest : public DatabaseTest {
 protected:
  Config config = load_config({{"AGORA_ENV", "test"}, {"AGORA_DOMAIN", "social.example.org"}});

  services::Context ctx() { return {config, *db}; }

  model::Account account(const std::string& username) {
    auto c = db->acquire();
    model::NewLocalAccount a;
    a.username = username;
    a.email = username + "@example.org";
    a.confirmed = true;
    a.base_url = "https://social.example.org";
    auto created = store::accounts::insert_local(*c, a, now_ms());
    return *store::accounts::find(*c, created.account_id);
  }
};

inline std::string dialect_name(const ::testing::TestParamInfo<store::Dialect>& info) {
  return info.param == store::Dialect::sqlite ? "SQLite" : "PostgreSQL";
}

#define AGORA_ON_BOTH_DATABASES(Suite)                                                                  \
  INSTANTIATE_TEST_SUITE_P(Databases, Suite,                                                            \
                           ::testing::Values(::agora::store::Dialect::sqlite, ::agora::store::Dialect::postgres), \
                           ::agora::test_support::dialect_name)

}  // namespace agora::test_support
