// HTTP Range requests (RFC 9110 §14) for one byte range, so that video and
// audio players can seek. Several ranges are answered with the whole file.
#pragma once
#include <cstddef>
#include <optional>
#include <string_view>

namespace agora::http {

struct ByteRange {
  size_t first = 0;
  size_t last = 0;  // inclusive
  size_t length() const { return last - first + 1; }
};

struct RangeRequest {
  enum class Kind { whole, partial, unsatisfiable } kind = Kind::whole;
  ByteRange range;  // for partial
};

// What to answer for a Range header over a representation of `size` bytes:
// the whole file (no header, another unit, several ranges or a malformed
// one, as the RFC lets a server ignore those), one range (206), or 416.
RangeRequest parse_range(std::optional<std::string_view> header, size_t size);

}  // namespace agora::http
