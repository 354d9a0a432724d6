#include "core/snowflake.h"

#include <atomic>
#include <charconv>

#include "core/time.h"

namespace agora {

namespace {
std::atomic<int64_t> last_id{0};
}

int64_t next_id() {
  int64_t floor = id_floor_for_time(now_ms());
  int64_t prev = last_id.load(std::memory_order_relaxed);
  int64_t next;
  do {
    next = prev >= floor ? prev + 1 : floor;
  } while (!last_id.compare_exchange_weak(prev, next, std::memory_order_relaxed));
  return next;
}

int64_t id_floor_for_time(int64_t ms) { return ms << 16; }
int64_t id_time_ms(int64_t id) { return id >> 16; }

std::optional<int64_t> parse_id(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace agora
