// Time as milliseconds since the Unix epoch, and Mastodon's ISO 8601 format.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace agora {

int64_t now_ms();
// "2016-11-24T10:02:12.085Z" (UTC, milliseconds), as Mastodon renders timestamps.
std::string format_iso8601(int64_t ms);
// "2016-11-24" as Mastodon renders dates such as last_status_at.
std::string format_date(int64_t ms);
// "Thu, 26 Nov 2026 04:59:15 GMT" for HTTP Date headers.
std::string format_http_date(int64_t ms);
// Parses an HTTP date in any of the three forms HTTP/1.1 allows (IMF-fixdate
// "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT",
// asctime "Sun Nov  6 08:49:37 1994"). Returns nullopt for anything else.
std::optional<int64_t> parse_http_date(std::string_view text);
// Parses RFC 3339 / ISO 8601 timestamps ("2024-01-02T03:04:05Z", with optional
// fraction and offset). Returns nullopt for anything else.
std::optional<int64_t> parse_iso8601(std::string_view text);

}  // namespace agora
