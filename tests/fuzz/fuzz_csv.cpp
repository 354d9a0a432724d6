// Members' CSV imports: any bytes parse or are refused with a reason, within
// the limits, and every row read writes back to text that reads the same.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "text/csv.h"

using namespace agora::text;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  CsvLimits limits{.max_rows = 200, .max_fields = 16, .max_field_bytes = 512};
  auto parsed = parse_csv(std::string_view(reinterpret_cast<const char*>(data), size), limits);
  if (parsed.rows.size() > limits.max_rows + 1) std::abort();
  if (parsed.error) return 0;
  for (const auto& row : parsed.rows) {
    if (row.size() > limits.max_fields) std::abort();
    auto again = parse_csv(csv_line(row));
    // A row of one empty field is a blank line, which reading skips.
    bool blank = row.size() == 1 && row[0].empty();
    if (again.error || (blank ? !again.rows.empty() : again.rows.size() != 1 || again.rows[0] != row)) std::abort();
  }
  return 0;
}
