#include "core/time.h"

#include <fmt/format.h>

#include <chrono>
#include <ctime>

namespace agora {

int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

namespace {
std::tm to_utc(int64_t ms) {
  std::time_t secs = static_cast<std::time_t>(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return tm;
}
int millis_part(int64_t ms) { return static_cast<int>(((ms % 1000) + 1000) % 1000); }
}  // namespace

std::string format_iso8601(int64_t ms) {
  std::tm tm = to_utc(ms);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis_part(ms));
}

std::string format_date(int64_t ms) {
  std::tm tm = to_utc(ms);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string format_http_date(int64_t ms) {
  static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm tm = to_utc(ms);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", days[tm.tm_wday], tm.tm_mday,
                     months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

namespace {
bool read_digits(std::string_view s, size_t& pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += n;
  out = v;
  return true;
}
bool expect(std::string_view s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}
}  // namespace

std::optional<int64_t> parse_iso8601(std::string_view s) {
  size_t p = 0;
  int y, mo, d, h, mi, sec;
  if (!read_digits(s, p, 4, y) || !expect(s, p, '-') || !read_digits(s, p, 2, mo) || !expect(s, p, '-') ||
      !read_digits(s, p, 2, d))
    return std::nullopt;
  if (p >= s.size() || (s[p] != 'T' && s[p] != 't' && s[p] != ' ')) return std::nullopt;
  ++p;
  if (!read_digits(s, p, 2, h) || !expect(s, p, ':') || !read_digits(s, p, 2, mi) || !expect(s, p, ':') ||
      !read_digits(s, p, 2, sec))
    return std::nullopt;
  int millis = 0;
  if (expect(s, p, '.')) {
    int digits = 0;
    while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
      if (digits < 3) millis = millis * 10 + (s[p] - '0');
      ++digits;
      ++p;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 3; ++i) millis *= 10;
  }
  int offset_minutes = 0;
  if (expect(s, p, 'Z') || expect(s, p, 'z')) {
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    int sign = s[p] == '-' ? -1 : 1;
    ++p;
    int oh, om;
    if (!read_digits(s, p, 2, oh)) return std::nullopt;
    expect(s, p, ':');
    if (!read_digits(s, p, 2, om)) return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return std::nullopt;
  }
  if (p != s.size()) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  int64_t days_since_epoch = sys_days{ymd}.time_since_epoch().count();
  int64_t secs = days_since_epoch * 86400 + h * 3600 + mi * 60 + sec - offset_minutes * 60;
  return secs * 1000 + millis;
}

namespace {
std::optional<int64_t> utc_ms(int y, int mo, int d, int h, int mi, int sec) {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  using namespace std::chrono;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  int64_t days_since_epoch = sys_days{ymd}.time_since_epoch().count();
  return (days_since_epoch * 86400 + h * 3600 + mi * 60 + sec) * 1000;
}

int month_number(std::string_view s, size_t& pos) {
  static constexpr std::string_view months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (pos + 3 > s.size()) return 0;
  for (int i = 0; i < 12; ++i)
    if (s.substr(pos, 3) == months[i]) {
      pos += 3;
      return i + 1;
    }
  return 0;
}

bool read_day_name(std::string_view s, size_t& pos, bool long_form) {
  static constexpr std::string_view short_names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  static constexpr std::string_view long_names[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                                    "Friday", "Saturday", "Sunday"};
  for (int i = 0; i < 7; ++i) {
    std::string_view name = long_form ? long_names[i] : short_names[i];
    if (s.substr(pos, name.size()) == name) {
      pos += name.size();
      return true;
    }
  }
  return false;
}

bool read_clock(std::string_view s, size_t& p, int& h, int& mi, int& sec) {
  return read_digits(s, p, 2, h) && expect(s, p, ':') && read_digits(s, p, 2, mi) && expect(s, p, ':') &&
         read_digits(s, p, 2, sec);
}

bool read_gmt(std::string_view s, size_t& p) {
  if (s.substr(p) != " GMT") return false;
  p = s.size();
  return true;
}
}  // namespace

std::optional<int64_t> parse_http_date(std::string_view s) {
  int y, mo, d, h, mi, sec;
  size_t p = 0;
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
  if (read_day_name(s, p, false) && expect(s, p, ',')) {
    if (expect(s, p, ' ') && read_digits(s, p, 2, d) && expect(s, p, ' ') && (mo = month_number(s, p)) &&
        expect(s, p, ' ') && read_digits(s, p, 4, y) && expect(s, p, ' ') && read_clock(s, p, h, mi, sec) &&
        read_gmt(s, p))
      return utc_ms(y, mo, d, h, mi, sec);
    return std::nullopt;
  }
  // asctime: "Sun Nov  6 08:49:37 1994"
  p = 0;
  if (read_day_name(s, p, false) && expect(s, p, ' ')) {
    if (!(mo = month_number(s, p)) || !expect(s, p, ' ')) return std::nullopt;
    if (expect(s, p, ' ')) {
      if (!read_digits(s, p, 1, d)) return std::nullopt;
    } else if (!read_digits(s, p, 2, d)) {
      return std::nullopt;
    }
    if (expect(s, p, ' ') && read_clock(s, p, h, mi, sec) && expect(s, p, ' ') && read_digits(s, p, 4, y) &&
        p == s.size())
      return utc_ms(y, mo, d, h, mi, sec);
    return std::nullopt;
  }
  // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit years within 50 years of now, as RFC 9110 asks;
  // approximated by the usual 1970-2069 pivot)
  p = 0;
  if (read_day_name(s, p, true) && expect(s, p, ',') && expect(s, p, ' ') && read_digits(s, p, 2, d) &&
      expect(s, p, '-') && (mo = month_number(s, p)) && expect(s, p, '-') && read_digits(s, p, 2, y) &&
      expect(s, p, ' ') && read_clock(s, p, h, mi, sec) && read_gmt(s, p))
    return utc_ms(y < 70 ? 2000 + y : 1900 + y, mo, d, h, mi, sec);
  return std::nullopt;
}

}  // namespace agora
