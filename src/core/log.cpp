#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "core/time.h"

namespace agora::log {
namespace {
std::atomic<int> current_level{static_cast<int>(Level::info)};
const char* level_name(Level l) {
  switch (l) {
    case Level::debug: return "DEBUG";
    case Level::info: return "INFO";
    case Level::warn: return "WARN";
    case Level::error: return "ERROR";
  }
  return "?";
}
}  // namespace

void set_level(Level level) { current_level = static_cast<int>(level); }
bool enabled(Level level) { return static_cast<int>(level) >= current_level.load(std::memory_order_relaxed); }

void write(Level level, std::string_view message) {
  // One fwrite per line keeps lines from different threads whole.
  std::string line = fmt::format("{} {} {}\n", format_iso8601(now_ms()), level_name(level), message);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

Level parse_level(std::string_view name) {
  if (name == "debug") return Level::debug;
  if (name == "info") return Level::info;
  if (name == "warn") return Level::warn;
  if (name == "error") return Level::error;
  throw std::invalid_argument("expected one of debug, info, warn, error");
}

}  // namespace agora::log
