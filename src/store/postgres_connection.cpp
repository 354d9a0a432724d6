// PostgreSQL driver over libpq: `?` placeholders become $1…$n, each distinct
// statement is prepared once per connection, and values travel as text so
// the server infers types from the SQL.
#include <libpq-fe.h>

#include <fmt/format.h>

#include <cstdlib>
#include <type_traits>
#include <unordered_map>

#include "core/storage_full.h"
#include "store/database.h"

namespace agora::store {

namespace {

// Type OIDs from PostgreSQL's pg_type.h (stable across versions).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

// Rewrites `?` placeholders (outside quoted strings) into $1, $2, …
std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

struct ResultGuard {
  PGresult* r;
  ~ResultGuard() { PQclear(r); }
};

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url) : url_(url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string msg = PQerrorMessage(conn_);
      PQfinish(conn_);
      throw DatabaseError(fmt::format("cannot connect to PostgreSQL: {}", msg));
    }
    configure_session();
  }

  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::postgres; }

  void exec_script(std::string_view sql) override {
    std::string text(sql);
    once_more_if_the_session_died([&] {
      ensure_connected();
      ResultGuard r{PQexec(conn_, text.c_str())};
      check(r.r, text);
      return 0;
    });
  }

  std::vector<Row> query(std::string_view sql, std::span<const SqlValue> args) override {
    ResultGuard r{run(sql, args)};
    int nrows = PQntuples(r.r), ncols = PQnfields(r.r);
    std::vector<Oid> types(ncols);
    for (int c = 0; c < ncols; ++c) types[c] = PQftype(r.r, c);
    std::vector<Row> rows;
    rows.reserve(nrows);
    for (int i = 0; i < nrows; ++i) {
      std::vector<SqlValue> cells;
      cells.reserve(ncols);
      for (int c = 0; c < ncols; ++c) cells.push_back(cell(r.r, i, c, types[c]));
      rows.emplace_back(std::move(cells));
    }
    return rows;
  }

  int64_t execute(std::string_view sql, std::span<const SqlValue> args) override {
    ResultGuard r{run(sql, args)};
    const char* n = PQcmdTuples(r.r);
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
  }

 private:
  void configure_session() {
    ResultGuard r{PQexec(conn_, "SET client_min_messages = warning; SET TIME ZONE 'UTC'")};
    check(r.r, "SET");
  }

  void ensure_connected() {
    if (PQstatus(conn_) == CONNECTION_OK) return;
    PQreset(conn_);
    statements_.clear();  // prepared statements died with the old session
    if (PQstatus(conn_) != CONNECTION_OK)
      throw DatabaseError(fmt::format("lost connection to PostgreSQL: {}", PQerrorMessage(conn_)));
    configure_session();
  }

  // A pooled session the server closed while it was idle (a restart, a failover, an idle timeout) fails
  // its next statement; outside a transaction nothing was lost, so that statement runs once more on a
  // fresh session instead of failing the request. Inside a transaction the error stands: the caller's
  // work is gone and must be redone by the caller.
  template <class F>
  std::invoke_result_t<F&> once_more_if_the_session_died(F run_statement) {
    bool idle = PQtransactionStatus(conn_) == PQTRANS_IDLE;
    try {
      return run_statement();
    } catch (const UniqueViolation&) {
      throw;
    } catch (const DatabaseError&) {
      if (!idle || PQstatus(conn_) == CONNECTION_OK) throw;
      return run_statement();
    }
  }

  PGresult* run(std::string_view sql, std::span<const SqlValue> args) {
    return once_more_if_the_session_died([&] { return run_once(sql, args); });
  }

  PGresult* run_once(std::string_view sql, std::span<const SqlValue> args) {
    ensure_connected();
    const std::string& name = prepared_name(sql);
    std::vector<std::string> texts(args.size());
    std::vector<const char*> values(args.size());
    for (size_t i = 0; i < args.size(); ++i) {
      const SqlValue& v = args[i];
      if (std::holds_alternative<SqlNull>(v)) {
        values[i] = nullptr;
        continue;
      }
      if (auto* n = std::get_if<int64_t>(&v)) texts[i] = std::to_string(*n);
      else if (auto* d = std::get_if<double>(&v)) texts[i] = fmt::format("{}", *d);
      else if (auto* b = std::get_if<bool>(&v)) texts[i] = *b ? "true" : "false";
      else texts[i] = std::get<std::string>(v);
      values[i] = texts[i].c_str();
    }
    PGresult* r = PQexecPrepared(conn_, name.c_str(), static_cast<int>(args.size()), values.data(), nullptr,
                                 nullptr, 0);
    try {
      check(r, sql);
    } catch (...) {
      PQclear(r);
      throw;
    }
    return r;
  }

  const std::string& prepared_name(std::string_view sql) {
    std::string key(sql);
    auto it = statements_.find(key);
    if (it != statements_.end()) return it->second;
    std::string name = fmt::format("s{}", ++statement_counter_);
    std::string numbered = number_placeholders(sql);
    ResultGuard r{PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr)};
    check(r.r, numbered);
    return statements_.emplace(std::move(key), std::move(name)).first->second;
  }

  void check(PGresult* r, std::string_view sql) {
    auto status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return;
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    std::string msg = PQresultErrorMessage(r);
    if (msg.empty()) msg = PQerrorMessage(conn_);
    if (state && std::string_view(state) == "23505") throw UniqueViolation(msg);
    if (state && (std::string_view(state) == "40P01" || std::string_view(state) == "40001"))
      throw TransactionConflict(fmt::format("PostgreSQL: {} in: {}", msg, sql));  // deadlock, serialization
    if (state && std::string_view(state).starts_with("531")) throw storage_full();  // disk_full, out_of_memory
    throw DatabaseError(fmt::format("PostgreSQL: {} in: {}", msg, sql));
  }

  static SqlValue cell(PGresult* r, int row, int col, Oid type) {
    if (PQgetisnull(r, row, col)) return SqlNull{};
    const char* v = PQgetvalue(r, row, col);
    switch (type) {
      case kInt8:
      case kInt4:
      case kInt2: return static_cast<int64_t>(std::strtoll(v, nullptr, 10));
      case kBool: return v[0] == 't';
      case kFloat4:
      case kFloat8:
      case kNumeric: return std::strtod(v, nullptr);
      default: return std::string(v, PQgetlength(r, row, col));
    }
  }

  std::string url_;
  PGconn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> statements_;
  int statement_counter_ = 0;
};

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& url) {
  return std::make_unique<PostgresConnection>(url);
}

}  // namespace agora::store
