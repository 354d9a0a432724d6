// Process-wide instruments for GET /metrics (Prometheus text format).
// Updating one is a relaxed atomic operation; only creating a labelled
// series (at start, or the first time a label value is seen) takes a lock.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace agora::metrics {

class Counter {
 public:
  void add(uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> value_{0};
};

class Gauge {
 public:
  void add(int64_t n) { value_.fetch_add(n, std::memory_order_relaxed); }
  void set(int64_t n) { value_.store(n, std::memory_order_relaxed); }
  int64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<int64_t> value_{0};
};

// Upper bounds (seconds) of the latency buckets; +Inf is implied.
inline constexpr std::array<double, 12> kLatencyBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                          0.5,   1,    2.5,   5,    10,  30};

class Histogram {
 public:
  void observe(double seconds);
  // Appends NAME_bucket/_sum/_count lines; `labels` is `a="b",` or empty.
  void write(std::string& out, std::string_view name, std::string_view labels) const;

 private:
  std::array<std::atomic<uint64_t>, kLatencyBuckets.size() + 1> buckets_{};  // not cumulative; last: +Inf
  std::atomic<uint64_t> sum_us_{0};
};

// Counters by label values, at most `limit` distinct sets: later values are
// counted under "other" in the first label, so hostile input (a flood of
// domains) cannot grow the exposition without bound.
class CounterFamily {
 public:
  CounterFamily(std::string name, std::string help, std::vector<std::string> labels, size_t limit);
  Counter& at(const std::vector<std::string>& values);
  void write(std::string& out) const;

 private:
  std::string name_, help_;
  std::vector<std::string> labels_;
  size_t limit_;
  mutable std::mutex mutex_;
  std::map<std::vector<std::string>, std::unique_ptr<Counter>> series_;
};

// The process's instruments, shared by the layers that update them.
Gauge& db_pool_size();
Gauge& db_pool_in_use();
Gauge& streaming_connections();
CounterFamily& job_failures();  // by queue and kind
CounterFamily& deliveries();    // by receiving domain and result (delivered, refused, failed)

// A label value escaped for the text format (backslash, quote, newline).
std::string escape(std::string_view value);
// "# HELP" and "# TYPE" lines.
void write_header(std::string& out, std::string_view name, std::string_view type, std::string_view help);
// The instruments above, plus resident memory, start time and uptime.
void write_process_metrics(std::string& out);

}  // namespace agora::metrics
