// CSV as Mastodon's exports write it and its imports read it (RFC 4180:
// quoted fields, doubled quotes, CRLF or LF line ends, an optional UTF-8 BOM).
// Reading is bounded: imports come from members' uploads.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agora::text {

using CsvRow = std::vector<std::string>;

struct CsvLimits {
  size_t max_rows = 20000;   // Mastodon's ROWS_PROCESSING_LIMIT for imports
  size_t max_fields = 32;
  size_t max_field_bytes = 4096;
};

struct CsvParse {
  std::vector<CsvRow> rows;          // blank lines skipped
  std::optional<std::string> error;  // why the text is not CSV we accept (then rows are incomplete)
};

CsvParse parse_csv(std::string_view text, const CsvLimits& limits = {});

// One line of output with its "\n": fields quoted when they hold a comma,
// a quote or a line break. Values are written as they are (as Mastodon's),
// so an export imports back unchanged.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace agora::text
