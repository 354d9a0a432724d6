#include "core/metrics.h"

#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "core/time.h"

namespace agora::metrics {

namespace {
const int64_t kStartedAtMs = now_ms();
const auto kStartedSteady = std::chrono::steady_clock::now();

// Resident memory from /proc/self/statm (its second field, in pages).
int64_t resident_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  long size = 0, resident = 0;
  int read = std::fscanf(f, "%ld %ld", &size, &resident);
  std::fclose(f);
  return read == 2 ? resident * sysconf(_SC_PAGESIZE) : 0;
}

void write_gauge(std::string& out, std::string_view name, std::string_view help, double value) {
  write_header(out, name, "gauge", help);
  out += fmt::format("{} {}\n", name, value);
}
}  // namespace

void Histogram::observe(double seconds) {
  size_t i = 0;
  while (i < kLatencyBuckets.size() && seconds > kLatencyBuckets[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  sum_us_.fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Histogram::write(std::string& out, std::string_view name, std::string_view labels) const {
  uint64_t cumulative = 0;
  for (size_t i = 0; i <= kLatencyBuckets.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    std::string le = i < kLatencyBuckets.size() ? fmt::format("{}", kLatencyBuckets[i]) : "+Inf";
    out += fmt::format("{}_bucket{{{}le=\"{}\"}} {}\n", name, labels, le, cumulative);
  }
  std::string_view bare = labels.empty() ? labels : labels.substr(0, labels.size() - 1);  // without the last ','
  out += fmt::format("{}_sum{{{}}} {}\n", name, bare, sum_us_.load(std::memory_order_relaxed) / 1e6);
  out += fmt::format("{}_count{{{}}} {}\n", name, bare, cumulative);
}

CounterFamily::CounterFamily(std::string name, std::string help, std::vector<std::string> labels, size_t limit)
    : name_(std::move(name)), help_(std::move(help)), labels_(std::move(labels)), limit_(limit) {}

Counter& CounterFamily::at(const std::vector<std::string>& values) {
  std::lock_guard lock(mutex_);
  if (auto it = series_.find(values); it != series_.end()) return *it->second;
  std::vector<std::string> key = values;
  if (series_.size() >= limit_) key.front() = "other";
  auto& slot = series_[key];
  if (!slot) slot = std::make_unique<Counter>();
  return *slot;
}

void CounterFamily::write(std::string& out) const {
  write_header(out, name_, "counter", help_);
  std::lock_guard lock(mutex_);
  for (const auto& [values, counter] : series_) {
    std::string labels;
    for (size_t i = 0; i < labels_.size() && i < values.size(); ++i)
      labels += fmt::format("{}{}=\"{}\"", i ? "," : "", labels_[i], escape(values[i]));
    out += fmt::format("{}{{{}}} {}\n", name_, labels, counter->value());
  }
}

Gauge& db_pool_size() {
  static Gauge g;
  return g;
}
Gauge& db_pool_in_use() {
  static Gauge g;
  return g;
}
Gauge& streaming_connections() {
  static Gauge g;
  return g;
}
CounterFamily& job_failures() {
  // Queues and kinds are the code's own names: a small fixed set.
  static CounterFamily f("agora_job_failures_total", "Job runs that failed (to be retried or given up), by queue and kind",
                         {"queue", "kind"}, 200);
  return f;
}
CounterFamily& deliveries() {
  static CounterFamily f("agora_deliveries_total",
                         "ActivityPub deliveries by receiving domain (the first 100 seen; then \"other\") and result",
                         {"domain", "result"}, 300);
  return f;
}

std::string escape(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void write_header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

void write_process_metrics(std::string& out) {
  write_gauge(out, "agora_db_pool_connections", "Database connections the pool may hold", db_pool_size().value());
  write_gauge(out, "agora_db_pool_in_use", "Database connections borrowed by a request, job or stream",
              db_pool_in_use().value());
  write_gauge(out, "agora_streaming_connections", "Open streaming API connections (WebSocket and SSE)",
              streaming_connections().value());
  job_failures().write(out);
  deliveries().write(out);
  write_gauge(out, "process_resident_memory_bytes", "Resident memory size in bytes", resident_bytes());
  write_gauge(out, "process_start_time_seconds", "Start time of the process since the Unix epoch in seconds",
              kStartedAtMs / 1000);
  auto up = std::chrono::duration<double>(std::chrono::steady_clock::now() - kStartedSteady).count();
  write_gauge(out, "agora_uptime_seconds", "Seconds since agora started", up);
}

}  // namespace agora::metrics
