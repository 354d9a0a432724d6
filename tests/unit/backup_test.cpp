// Backups: the manifest (what verify and restore trust), backup names and
// retention, file checks, and the database snapshot helpers on both databases.
#include <gtest/gtest.h>

#include <fstream>

#include "services/backup.h"
#include "services/backup_files.h"
#include "store/snapshots.h"
#include "test_databases.h"

namespace agora {
namespace {

namespace fs = std::filesystem;
using namespace services::backup;

Manifest sample() {
  Manifest m;
  m.agora_version = "0.1.0";
  m.schema_level = "0020";
  m.database = "sqlite";
  m.media = "files";
  m.created_at = "2026-11-26T21:00:00.000Z";
  m.files = {{"database.sqlite3", 4096, std::string(64, 'a')}, {"media/accounts/avatars/1/x.png", 12, std::string(64, '0')}};
  return m;
}

std::string without(std::string text, const std::string& part) { return text.replace(text.find(part), part.size(), ""); }

TEST(BackupManifest, RoundTrips) {
  Manifest m = parse_manifest(render_manifest(sample()));
  EXPECT_EQ(m.schema_level, "0020");
  EXPECT_EQ(m.database, "sqlite");
  ASSERT_EQ(m.files.size(), 2u);
  EXPECT_EQ(m.files[1].path, "media/accounts/avatars/1/x.png");
  EXPECT_EQ(m.files[1].size, 12u);
}

TEST(BackupManifest, RefusesTruncatedOrIncompleteManifests) {
  std::string text = render_manifest(sample());
  for (size_t cut : {size_t(0), size_t(1), text.size() / 2, text.size() - 3})
    EXPECT_THROW(parse_manifest(text.substr(0, cut)), BackupError) << cut;
  EXPECT_THROW(parse_manifest(without(text, "\"schema_level\":\"0020\",")), BackupError);
  EXPECT_THROW(parse_manifest(without(text, ",\"files\":")), BackupError);
}

TEST(BackupManifest, RefusesUnknownFormatsKindsAndHostilePaths) {
  auto with = [](auto change) {
    Manifest m = sample();
    change(m);
    return render_manifest(m);
  };
  EXPECT_THROW(parse_manifest(with([](Manifest& m) { m.format = 2; })), BackupError);
  EXPECT_THROW(parse_manifest(with([](Manifest& m) { m.database = "mysql"; })), BackupError);
  EXPECT_THROW(parse_manifest(with([](Manifest& m) { m.schema_level = "00x1"; })), BackupError);
  EXPECT_THROW(parse_manifest(with([](Manifest& m) { m.files[1].path = "../etc/passwd"; })), BackupError);
  EXPECT_THROW(parse_manifest(with([](Manifest& m) { m.files[1].path = "/etc/passwd"; })), BackupError);
  EXPECT_THROW(parse_manifest(with([](Manifest& m) { m.files[1].sha256 = "abc"; })), BackupError);
  EXPECT_THROW(parse_manifest(with([](Manifest& m) { m.files[1].path = m.files[0].path; })), BackupError);
  try {
    parse_manifest(with([](Manifest& m) { m.format = 2; }));
  } catch (const BackupError& e) {
    EXPECT_NE(std::string(e.what()).find("format 2"), std::string::npos) << e.what();
  }
}

TEST(BackupManifest, PathsArePlainSegments) {
  EXPECT_TRUE(valid_backup_path("media/cache/custom_emojis/1/a-b_c.png"));
  for (const char* bad : {"", "a//b", "./a", "a/../b", ".hidden", "a/b/", "a\\b", "a b"})
    EXPECT_FALSE(valid_backup_path(bad)) << bad;
}

TEST(BackupNames, AreUtcTimestampsAndRecognised) {
  EXPECT_EQ(backup_name(1795726800000), "agora-backup-20261126T210000Z");
  EXPECT_TRUE(is_backup_name("agora-backup-20261126T210000Z"));
  EXPECT_TRUE(is_backup_name("agora-backup-20261126T210000Z-2"));
  for (const char* bad : {"agora-backup-", "agora-backup-20261126T2100Z", ".partial-agora-backup-20261126T210000Z",
                          "agora-backup-20261126T210000Z-x", "other"})
    EXPECT_FALSE(is_backup_name(bad)) << bad;
}

class BackupFiles : public ::testing::Test {
 protected:
  fs::path root = fs::temp_directory_path() / ("agora_backup_test_" + std::to_string(::getpid()));
  void SetUp() override { fs::create_directories(root); }
  void TearDown() override { fs::remove_all(root); }
  void write(const fs::path& p, const std::string& bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
  }
};

TEST_F(BackupFiles, CopiesHashAndChecksCatchChanges) {
  write(root / "src.bin", "hello");
  FileEntry e = copy_in(root / "src.bin", root / "backup", "media/a/src.bin");
  EXPECT_EQ(e.size, 5u);
  EXPECT_EQ(e.sha256, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  EXPECT_NO_THROW(check_entry(root / "backup", e));
  write(root / "backup/media/a/src.bin", "hellO");
  EXPECT_THROW(check_entry(root / "backup", e), BackupError);
  write(root / "backup/media/a/src.bin", "hell");
  EXPECT_THROW(check_entry(root / "backup", e), BackupError);
  fs::remove(root / "backup/media/a/src.bin");
  EXPECT_THROW(check_entry(root / "backup", e), BackupError);
}

TEST_F(BackupFiles, RetentionKeepsTheNewestCompleteBackups) {
  for (const char* name : {"agora-backup-20261124T010000Z", "agora-backup-20261126T010000Z",
                           "agora-backup-20261126T010000Z-2", "agora-backup-20261125T010000Z"})
    write(root / name / "manifest.json", "{}");
  fs::create_directories(root / "agora-backup-20261101T010000Z");  // no manifest: not a backup of ours
  fs::create_directories(root / ".partial-agora-backup-20261127T010000Z");
  auto removed = remove_old_backups(root, 2);
  EXPECT_EQ(removed, (std::vector<std::string>{"agora-backup-20261124T010000Z", "agora-backup-20261125T010000Z"}));
  EXPECT_TRUE(fs::exists(root / "agora-backup-20261126T010000Z"));
  EXPECT_TRUE(fs::exists(root / "agora-backup-20261126T010000Z-2"));
  EXPECT_TRUE(fs::exists(root / "agora-backup-20261101T010000Z"));
  EXPECT_TRUE(fs::exists(root / ".partial-agora-backup-20261127T010000Z"));
}

class BackupStore : public test_support::DatabaseTest {};

TEST_P(BackupStore, KnowsTheSchemaLevelAndWhetherADatabaseIsEmpty) {
  auto c = db->acquire();
  EXPECT_EQ(store::snapshots::schema_level(*c), store::snapshots::known_schema_level());
  EXPECT_FALSE(store::snapshots::is_empty(*c));
  fs::path empty = fs::temp_directory_path() / ("agora_empty_" + std::to_string(::getpid()));
  auto fresh = store::open_sqlite(empty.string());
  EXPECT_TRUE(store::snapshots::is_empty(*fresh));
  EXPECT_EQ(store::snapshots::schema_level(*fresh), "");
  fresh.reset();
  fs::remove(empty);
}

INSTANTIATE_TEST_SUITE_P(Databases, BackupStore, ::testing::Values(store::Dialect::sqlite, store::Dialect::postgres),
                         test_support::dialect_name);

TEST(BackupSnapshots, SqliteCopyIsOneConsistentFile) {
  fs::path dir = fs::temp_directory_path() / ("agora_snapshot_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    auto c = store::open_sqlite((dir / "live.sqlite3").string());
    c->exec_script("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2);");
    store::snapshots::copy_sqlite((dir / "live.sqlite3").string(), (dir / "copy.sqlite3").string());
    c->exec_script("INSERT INTO t VALUES (3);");  // after the snapshot: not in it
  }
  EXPECT_FALSE(fs::exists(dir / "copy.sqlite3-wal"));
  auto copy = store::open_sqlite((dir / "copy.sqlite3").string());
  EXPECT_EQ(copy->query_one("SELECT COUNT(*) FROM t")->int64(0), 2);
  EXPECT_THROW(store::snapshots::copy_sqlite((dir / "live.sqlite3").string(), (dir / "copy.sqlite3").string()),
               store::DatabaseError);  // never over an existing file
  copy.reset();
  fs::remove_all(dir);
}

TEST(BackupSnapshots, PostgresUrlsBecomeEnvironmentWithoutTheCommandLine) {
  auto env = store::snapshots::postgres_environment("postgres://agora:s3cret@db.example:5433/agora_prod?sslmode=require");
  EXPECT_EQ(env["PGHOST"], "db.example");
  EXPECT_EQ(env["PGPORT"], "5433");
  EXPECT_EQ(env["PGUSER"], "agora");
  EXPECT_EQ(env["PGPASSWORD"], "s3cret");
  EXPECT_EQ(env["PGDATABASE"], "agora_prod");
  EXPECT_EQ(env["PGSSLMODE"], "require");
  EXPECT_THROW(store::snapshots::postgres_environment("postgres://[broken"), store::DatabaseError);
}

}  // namespace
}  // namespace agora
