// The storage layer's driver interface: one Connection type over SQLite and
// PostgreSQL. SQL is written once with `?` placeholders; the PostgreSQL
// driver numbers them. Values travel as SqlValue; results are rows of them.
// Only store/ includes this header's implementations or writes SQL.
#pragma once
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <span>
#include <condition_variable>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace agora::store {

enum class Dialect { sqlite, postgres };

using SqlNull = std::monostate;
using SqlValue = std::variant<SqlNull, int64_t, double, std::string, bool>;
using SqlArgs = std::initializer_list<SqlValue>;

// A failure of the database itself (not a rule of the application).
struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// A unique constraint was violated: the caller usually turns this into 422.
struct UniqueViolation : DatabaseError {
  using DatabaseError::DatabaseError;
};

// The database broke a deadlock or a serialization conflict by aborting this
// transaction: running the same work again will most likely succeed.
struct TransactionConflict : DatabaseError {
  using DatabaseError::DatabaseError;
};

class Row {
 public:
  explicit Row(std::vector<SqlValue> cells) : cells_(std::move(cells)) {}
  size_t size() const { return cells_.size(); }
  bool is_null(size_t i) const { return std::holds_alternative<SqlNull>(cells_.at(i)); }
  int64_t int64(size_t i) const;
  double real(size_t i) const;
  bool boolean(size_t i) const;
  std::string text(size_t i) const;  // "" for NULL
  std::optional<int64_t> opt_int64(size_t i) const;
  std::optional<std::string> opt_text(size_t i) const;
  // Columns [first, first + count) as a row of their own, for a statement that
  // reads several things side by side (a token and its holder).
  Row columns(size_t first, size_t count) const {
    return Row(std::vector<SqlValue>(cells_.begin() + first, cells_.begin() + first + count));
  }

 private:
  std::vector<SqlValue> cells_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters (schema, BEGIN, …).
  virtual void exec_script(std::string_view sql) = 0;
  // Runs one statement; returns its rows.
  virtual std::vector<Row> query(std::string_view sql, std::span<const SqlValue> args) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual int64_t execute(std::string_view sql, std::span<const SqlValue> args) = 0;

  std::vector<Row> query(std::string_view sql, SqlArgs args = {}) {
    return query(sql, std::span<const SqlValue>(args.begin(), args.size()));
  }
  int64_t execute(std::string_view sql, SqlArgs args = {}) {
    return execute(sql, std::span<const SqlValue>(args.begin(), args.size()));
  }
  std::optional<Row> query_one(std::string_view sql, SqlArgs args = {}) {
    auto rows = query(sql, args);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
  }

  // A write transaction. On SQLite it takes the write lock at once
  // (BEGIN IMMEDIATE), so two writers never deadlock upgrading a read lock.
  void begin_write();
  void commit();
  void rollback();

  // Runs `action` once the current write transaction commits (at once when
  // none is open); a rollback forgets it. For effects others must only see
  // after the data is there: streaming events, wake-ups.
  void after_commit(std::function<void()> action);

 private:
  bool in_write_ = false;
  std::vector<std::function<void()>> after_commit_;
};

// Runs `work` in a write transaction; rolls back if it throws.
template <class F>
auto in_transaction(Connection& c, F&& work) -> decltype(work()) {
  c.begin_write();
  try {
    if constexpr (std::is_void_v<decltype(work())>) {
      work();
      c.commit();
    } else {
      auto result = work();
      c.commit();
      return result;
    }
  } catch (...) {
    try {
      c.rollback();
    } catch (...) {
    }
    throw;
  }
}

// A fixed-size pool of connections to one database. Threads borrow one for
// the length of a request or job.
class Database {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  Database(Dialect dialect, Factory factory, size_t max_connections);
  ~Database();

  // Opens "sqlite:PATH" or "postgres://…"; throws DatabaseError.
  static std::unique_ptr<Database> open(const std::string& url, size_t max_connections);

  class Lease {
   public:
    Lease(Database* db, std::unique_ptr<Connection> c) : db_(db), conn_(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    Database* db_;
    std::unique_ptr<Connection> conn_;
  };
  Lease acquire();
  Dialect dialect() const { return dialect_; }

 private:
  void release(std::unique_ptr<Connection> c);
  Dialect dialect_;
  Factory factory_;
  size_t max_connections_;
  size_t open_count_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

std::unique_ptr<Connection> open_sqlite(const std::string& path);
std::unique_ptr<Connection> open_postgres(const std::string& url);

}  // namespace agora::store
