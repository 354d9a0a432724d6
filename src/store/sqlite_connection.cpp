// SQLite driver: WAL, a busy timeout so writers queue instead of failing,
// foreign keys on, and prepared statements cached per connection.
//
// Writers of one process queue on an in-process gate rather than on SQLite's
// busy handler: that handler polls with sleeps of up to 100 ms, so under
// concurrent writes most of a request's time went to sleeping while the lock
// was long free. The busy timeout still covers other processes (the CLI).
#include <sqlite3.h>

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "core/storage_full.h"
#include "store/database.h"

namespace agora::store {

namespace {

constexpr std::chrono::seconds kWriterWait{10};  // as the busy timeout

// One gate per database file, shared by every connection of this process.
// Recursive, so a thread that writes on a second connection while holding a
// transaction meets SQLite's busy timeout as before instead of deadlocking.
std::shared_ptr<std::recursive_timed_mutex> writer_gate(const std::string& path) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<std::recursive_timed_mutex>> registry;
  std::error_code ec;
  auto key = std::filesystem::weakly_canonical(path, ec).string();
  if (ec) key = path;
  std::lock_guard lock(registry_mutex);
  auto& slot = registry[key];
  auto gate = slot.lock();
  if (!gate) {
    gate = std::make_shared<std::recursive_timed_mutex>();
    slot = gate;
  }
  return gate;
}

bool starts_with_begin_immediate(std::string_view sql) { return sql.rfind("BEGIN IMMEDIATE", 0) == 0; }

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) : gate_(writer_gate(path)) {
    std::filesystem::path p(path);
    if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw DatabaseError(fmt::format("cannot open SQLite database {}: {}", path, msg));
    }
    sqlite3_busy_timeout(db_, 10000);
    exec_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-8000; PRAGMA mmap_size=268435456;");
    // The file grows 4 MB at a time: each growth makes every connection drop
    // and rebuild its memory map at its next read (munmap, then page faults),
    // which checkpoints under a write load did several times a second.
    int chunk_bytes = 4 << 20;
    sqlite3_file_control(db_, "main", SQLITE_FCNTL_CHUNK_SIZE, &chunk_bytes);
  }

  ~SqliteConnection() override {
    if (holding_) gate_->unlock();
    for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::sqlite; }

  void exec_script(std::string_view sql) override {
    if (starts_with_begin_immediate(sql)) enter_gate();
    char* err = nullptr;
    std::string text(sql);
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    leave_gate_unless_in_transaction();
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw_error(sqlite3_extended_errcode(db_), msg);
    }
  }

  std::vector<Row> query(std::string_view sql, std::span<const SqlValue> args) override {
    sqlite3_stmt* stmt = prepare(sql, args);
    WriteOutsideTransaction gate(*this, stmt);
    std::vector<Row> rows;
    int columns = sqlite3_column_count(stmt);
    for (;;) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(stmt);
      std::vector<SqlValue> cells;
      cells.reserve(columns);
      for (int i = 0; i < columns; ++i) cells.push_back(column(stmt, i));
      rows.emplace_back(std::move(cells));
    }
    sqlite3_reset(stmt);
    return rows;
  }

  int64_t execute(std::string_view sql, std::span<const SqlValue> args) override {
    sqlite3_stmt* stmt = prepare(sql, args);
    WriteOutsideTransaction gate(*this, stmt);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(stmt);
    sqlite3_reset(stmt);
    return sqlite3_changes64(db_);
  }

 private:
  // A writing statement outside a transaction holds the gate while it runs.
  class WriteOutsideTransaction {
   public:
    WriteOutsideTransaction(SqliteConnection& c, sqlite3_stmt* stmt) : c_(c) {
      if (!c_.holding_ && sqlite3_get_autocommit(c_.db_) && !sqlite3_stmt_readonly(stmt)) {
        c_.enter_gate();
        entered_ = true;
      }
    }
    ~WriteOutsideTransaction() {
      if (entered_) c_.leave_gate_unless_in_transaction();
    }
    WriteOutsideTransaction(const WriteOutsideTransaction&) = delete;
    WriteOutsideTransaction& operator=(const WriteOutsideTransaction&) = delete;

   private:
    SqliteConnection& c_;
    bool entered_ = false;
  };

  void enter_gate() {
    if (holding_) return;
    if (!gate_->try_lock_for(kWriterWait)) throw DatabaseError("SQLite: database is locked");
    holding_ = true;
  }

  void leave_gate_unless_in_transaction() {
    if (holding_ && sqlite3_get_autocommit(db_)) {
      holding_ = false;
      gate_->unlock();
    }
  }

  sqlite3_stmt* prepare(std::string_view sql, std::span<const SqlValue> args) {
    std::string key(sql);
    auto it = statements_.find(key);
    sqlite3_stmt* stmt;
    if (it == statements_.end()) {
      if (sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                             nullptr) != SQLITE_OK)
        throw_error(sqlite3_extended_errcode(db_), fmt::format("{} in: {}", sqlite3_errmsg(db_), key));
      statements_.emplace(std::move(key), stmt);
    } else {
      stmt = it->second;
    }
    sqlite3_clear_bindings(stmt);
    if (static_cast<int>(args.size()) != sqlite3_bind_parameter_count(stmt))
      throw DatabaseError(fmt::format("expected {} parameters, got {}: {}", sqlite3_bind_parameter_count(stmt),
                                      args.size(), sql));
    for (size_t i = 0; i < args.size(); ++i) bind(stmt, static_cast<int>(i + 1), args[i]);
    return stmt;
  }

  static void bind(sqlite3_stmt* stmt, int index, const SqlValue& v) {
    if (std::holds_alternative<SqlNull>(v)) sqlite3_bind_null(stmt, index);
    else if (auto* i = std::get_if<int64_t>(&v)) sqlite3_bind_int64(stmt, index, *i);
    else if (auto* d = std::get_if<double>(&v)) sqlite3_bind_double(stmt, index, *d);
    else if (auto* b = std::get_if<bool>(&v)) sqlite3_bind_int(stmt, index, *b ? 1 : 0);
    else {
      const auto& s = std::get<std::string>(v);
      sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
  }

  static SqlValue column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER: return static_cast<int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT: return sqlite3_column_double(stmt, i);
      case SQLITE_NULL: return SqlNull{};
      default: {
        const char* p = reinterpret_cast<const char*>(sqlite3_column_blob(stmt, i));
        return std::string(p ? p : "", sqlite3_column_bytes(stmt, i));
      }
    }
  }

  [[noreturn]] void fail(sqlite3_stmt* stmt) {
    int code = sqlite3_extended_errcode(db_);
    std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(stmt);
    throw_error(code, msg);
  }

  [[noreturn]] static void throw_error(int code, const std::string& msg) {
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) throw UniqueViolation(msg);
    if ((code & 0xff) == SQLITE_FULL) throw storage_full();
    throw DatabaseError(fmt::format("SQLite: {}", msg));
  }

  std::shared_ptr<std::recursive_timed_mutex> gate_;
  bool holding_ = false;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace

std::unique_ptr<Connection> open_sqlite(const std::string& path) { return std::make_unique<SqliteConnection>(path); }

}  // namespace agora::store
