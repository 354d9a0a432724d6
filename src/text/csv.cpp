#include "text/csv.h"

namespace agora::text {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool blank(const CsvRow& row) { return row.size() == 1 && row.front().empty(); }

}  // namespace

CsvParse parse_csv(std::string_view text, const CsvLimits& limits) {
  CsvParse out;
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  CsvRow row;
  std::string field;
  bool quoted = false, after_quote = false;
  auto fail = [&](std::string why) {
    out.error = std::move(why);
    return out;
  };
  auto end_field = [&]() -> bool {
    if (row.size() >= limits.max_fields) return false;
    row.push_back(std::move(field));
    field.clear();
    after_quote = false;
    return true;
  };
  auto end_row = [&]() -> bool {
    if (!end_field()) return false;
    if (!blank(row)) out.rows.push_back(std::move(row));
    row.clear();
    return true;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c != '"') field += c;
      else if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
      else quoted = false, after_quote = true;
    } else if (c == '"') {
      if (!field.empty() || after_quote) return fail("a quote inside an unquoted field");
      quoted = true;
    } else if (c == ',') {
      if (!end_field()) return fail("too many fields in a row");
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (!end_row()) return fail("too many fields in a row");
      if (out.rows.size() > limits.max_rows) return fail("too many rows");
    } else {
      if (after_quote) return fail("text after a closing quote");
      field += c;
    }
    if (field.size() > limits.max_field_bytes) return fail("a field is too long");
  }
  if (quoted) return fail("a quoted field is not closed");
  if (!end_row()) return fail("too many fields in a row");
  if (out.rows.size() > limits.max_rows) return fail("too many rows");
  return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    const std::string& f = fields[i];
    // A leading byte order mark is quoted, or reading would take it for the file's.
    if (f.find_first_of(",\"\r\n") == std::string::npos && !f.starts_with(kByteOrderMark)) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  return out + "\n";
}

}  // namespace agora::text
