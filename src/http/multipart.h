// multipart/form-data bodies (RFC 7578, RFC 2046 §5.1) as browsers, curl and
// HTTP libraries send them. Written by hand: it is small, and it must take
// hostile bodies (no boundary, no end, thousands of parts, huge headers)
// without allocating more than the body itself. Parts point into the body.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agora::http {

struct FormPart {
  std::string name;                     // from Content-Disposition
  std::optional<std::string> filename;  // set for file parts (may be empty)
  std::string content_type;             // as the client declared it: never trusted for files
  std::string_view data;                // a view into the parsed body
};

struct MultipartLimits {
  size_t max_parts = 128;
  size_t max_part_header_bytes = 8 * 1024;
};

// The boundary of a "multipart/form-data; boundary=…" Content-Type; nullopt
// for other types or a missing or invalid boundary (RFC 2046: 1–70 of its characters).
std::optional<std::string> multipart_boundary(std::string_view content_type);
bool is_multipart_form(std::string_view content_type);

// Splits `body` into its parts. Throws Error 400 for malformed bodies and
// 413 for more parts than allowed. Parts without a name are skipped.
std::vector<FormPart> parse_multipart(std::string_view body, std::string_view boundary,
                                      const MultipartLimits& limits = {});

}  // namespace agora::http
