#include "store/database.h"

#include "core/log.h"
#include "core/metrics.h"

#include <charconv>
#include <cstdlib>

namespace agora::store {

namespace {
template <class... Fs>
struct overloaded : Fs... {
  using Fs::operator()...;
};
}  // namespace

int64_t Row::int64(size_t i) const {
  return std::visit(overloaded{
                        [](SqlNull) -> int64_t { return 0; },
                        [](int64_t v) { return v; },
                        [](double v) { return static_cast<int64_t>(v); },
                        [](bool v) -> int64_t { return v ? 1 : 0; },
                        [](const std::string& s) -> int64_t {
                          int64_t v = 0;
                          std::from_chars(s.data(), s.data() + s.size(), v);
                          return v;
                        },
                    },
                    cells_.at(i));
}

double Row::real(size_t i) const {
  return std::visit(overloaded{
                        [](SqlNull) { return 0.0; },
                        [](int64_t v) { return static_cast<double>(v); },
                        [](double v) { return v; },
                        [](bool v) { return v ? 1.0 : 0.0; },
                        [](const std::string& s) { return std::strtod(s.c_str(), nullptr); },
                    },
                    cells_.at(i));
}

bool Row::boolean(size_t i) const {
  return std::visit(overloaded{
                        [](SqlNull) { return false; },
                        [](int64_t v) { return v != 0; },
                        [](double v) { return v != 0; },
                        [](bool v) { return v; },
                        // PostgreSQL's text form of booleans is t/f.
                        [](const std::string& s) { return s == "t" || s == "true" || s == "1"; },
                    },
                    cells_.at(i));
}

std::string Row::text(size_t i) const {
  return std::visit(overloaded{
                        [](SqlNull) { return std::string(); },
                        [](int64_t v) { return std::to_string(v); },
                        [](double v) { return std::to_string(v); },
                        [](bool v) { return std::string(v ? "true" : "false"); },
                        [](const std::string& s) { return s; },
                    },
                    cells_.at(i));
}

std::optional<int64_t> Row::opt_int64(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return int64(i);
}

std::optional<std::string> Row::opt_text(size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

void Connection::begin_write() {
  exec_script(dialect() == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  in_write_ = true;
  after_commit_.clear();
}

void Connection::commit() {
  exec_script("COMMIT");
  in_write_ = false;
  auto actions = std::move(after_commit_);
  after_commit_.clear();
  for (auto& action : actions) {
    try {
      action();
    } catch (const std::exception& e) {
      log::error("after-commit action failed: {}", e.what());
    }
  }
}

void Connection::rollback() {
  in_write_ = false;
  after_commit_.clear();
  exec_script("ROLLBACK");
}

void Connection::after_commit(std::function<void()> action) {
  if (in_write_) after_commit_.push_back(std::move(action));
  else action();
}

Database::Database(Dialect dialect, Factory factory, size_t max_connections)
    : dialect_(dialect), factory_(std::move(factory)), max_connections_(max_connections) {
  metrics::db_pool_size().add(static_cast<int64_t>(max_connections));
}

Database::~Database() { metrics::db_pool_size().add(-static_cast<int64_t>(max_connections_)); }

std::unique_ptr<Database> Database::open(const std::string& url, size_t max_connections) {
  std::unique_ptr<Database> db;
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    db = std::make_unique<Database>(Dialect::sqlite, [path] { return open_sqlite(path); }, max_connections);
  } else {
    db = std::make_unique<Database>(Dialect::postgres, [url] { return open_postgres(url); }, max_connections);
  }
  db->release(db->factory_());  // connect once now, so a bad URL fails at start
  return db;
}

Database::Lease::~Lease() {
  if (!conn_) return;
  metrics::db_pool_in_use().add(-1);
  db_->release(std::move(conn_));
}

Database::Lease Database::acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      metrics::db_pool_in_use().add(1);
      return Lease(this, std::move(c));
    }
    if (open_count_ < max_connections_) {
      ++open_count_;
      lock.unlock();
      try {
        auto c = factory_();
        metrics::db_pool_in_use().add(1);
        return Lease(this, std::move(c));
      } catch (...) {
        std::lock_guard relock(mutex_);
        --open_count_;
        throw;
      }
    }
    available_.wait(lock);
  }
}

void Database::release(std::unique_ptr<Connection> c) {
  {
    std::lock_guard lock(mutex_);
    if (open_count_ == 0) open_count_ = 1;  // the connection made by open()
    idle_.push_back(std::move(c));
  }
  available_.notify_one();
}

}  // namespace agora::store
