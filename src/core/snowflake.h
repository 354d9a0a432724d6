// 64-bit snowflake IDs: milliseconds since the Unix epoch << 16 | sequence.
// Sorted by creation time, so pagination by id is pagination by time, and
// compatible with how Mastodon shapes its IDs.
#pragma once
#include <cstdint>
#include <string>
#include <optional>
#include <string_view>

namespace agora {

// A new unique id, strictly greater than every id this process made before.
int64_t next_id();
// The smallest id that a record created at `ms` could have (for time-based pagination).
int64_t id_floor_for_time(int64_t ms);
// Milliseconds encoded in an id.
int64_t id_time_ms(int64_t id);
// Ids are strings in JSON; parse one strictly (digits only, in range).
std::optional<int64_t> parse_id(std::string_view text);

}  // namespace agora
