#include "services/admin_metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/errors.h"
#include "core/time.h"
#include "core/version.h"
#include "store/admin_metrics.h"
#include "store/tags.h"

namespace agora::services {

namespace {

using model::Permission;
using store::admin_metrics::kDayMs;
using store::admin_metrics::Series;

constexpr int64_t kMaxDays = 400;  // a year and a bit; longer periods are refused

struct Period {
  int64_t start = 0, end = 0;  // as asked (end inclusive, as Rails' start_at..end_at)
  int64_t first_day() const { return start / kDayMs; }
  int64_t last_day() const { return end / kDayMs; }
};

int64_t parse_time(const std::string& text, const char* name) {
  std::optional<int64_t> t;
  if (text.size() == 10) t = parse_iso8601(text + "T00:00:00Z");
  else if (text.size() <= 40) t = parse_iso8601(text);
  if (!t || *t < 0) throw Error::bad_request(std::string(name) + " is not a valid date");
  return *t;
}

Period period_of(const std::string& start_at, const std::string& end_at) {
  Period p{parse_time(start_at, "start_at"), parse_time(end_at, "end_at")};
  if (p.end < p.start) throw Error::bad_request("end_at is before start_at");
  if (p.last_day() - p.first_day() > kMaxDays) throw Error::bad_request("The period is longer than 400 days");
  return p;
}

struct MeasureSpec {
  const char* key;
  Series series;
  bool previous = true;  // Mastodon's total_in_time_range?
  bool tag = false;
  bool domain = false;
};

const std::vector<MeasureSpec>& measure_specs() {
  static const std::vector<MeasureSpec> specs = {
      {"active_users", Series::active_users},
      {"new_users", Series::new_users},
      {"interactions", Series::interactions},
      {"opened_reports", Series::opened_reports},
      {"resolved_reports", Series::resolved_reports},
      {"tag_accounts", Series::tag_accounts, true, true},
      {"tag_uses", Series::tag_uses, true, true},
      {"tag_servers", Series::tag_servers, true, true},
      {"instance_accounts", Series::instance_accounts, false, false, true},
      {"instance_media_attachments", Series::instance_media_attachments, false, false, true},
      {"instance_reports", Series::instance_reports, false, false, true},
      {"instance_statuses", Series::instance_statuses, false, false, true},
      {"instance_follows", Series::instance_follows, false, false, true},
      {"instance_followers", Series::instance_followers, false, false, true},
  };
  return specs;
}

// The tag a tag_* key is about; 404 as Mastodon's Tag.find.
int64_t tag_of(store::Connection& c, const MetricsRequest& in, const std::string& key) {
  auto it = in.tag_ids.find(key);
  if (it == in.tag_ids.end()) throw Error::not_found();
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), id);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size() || !store::tags::find_by_id(c, id))
    throw Error::not_found();
  return id;
}

std::string domain_of(const MetricsRequest& in, const std::string& key) {
  auto it = in.domains.find(key);
  return it == in.domains.end() ? "" : it->second;
}

model::Measure measure(store::Connection& c, const MeasureSpec& spec, const MetricsRequest& in, const Period& p) {
  store::admin_metrics::Subject of;
  if (spec.tag) of.tag_id = tag_of(c, in, spec.key);
  if (spec.domain) of.domain = domain_of(in, spec.key);
  model::Measure m;
  m.key = spec.key;
  int64_t to = p.end + 1;
  m.total = store::admin_metrics::total(c, spec.series, of, p.start, to);
  if (spec.previous) m.previous_total = store::admin_metrics::total(c, spec.series, of, p.start - (to - p.start), p.start);
  if (spec.series == Series::instance_media_attachments) {
    m.unit = "bytes";
    m.human_value = human_size(m.total);
  }
  // Activity is tracked per whole day up to the day before end_at, as Mastodon's tracker reads it.
  bool tracker = spec.series == Series::active_users || spec.series == Series::interactions;
  m.utc_z_dates = tracker;
  int64_t last = tracker ? std::max(p.first_day(), p.last_day() - 1) : p.last_day();
  auto days = store::admin_metrics::per_day(c, spec.series, of, p.first_day() * kDayMs, (last + 1) * kDayMs);
  for (int64_t d = p.first_day(); d <= last; ++d) {
    auto it = days.find(d);
    m.data.push_back({d * kDayMs, it == days.end() ? 0 : it->second});
  }
  return m;
}

int dimension_limit(const MetricsRequest& in) {
  return static_cast<int>(std::clamp<int64_t>(in.limit.value_or(10), 1, 100));
}

model::Dimension dimension(Context& ctx, store::Connection& c, const std::string& key, const MetricsRequest& in,
                           const Period& p) {
  namespace m = store::admin_metrics;
  int limit = dimension_limit(in);
  int64_t from = p.start, to = p.end + 1;
  model::Dimension out{key, {}};
  auto counted = [&](const std::vector<m::Entry>& entries, auto human) {
    for (const auto& e : entries) out.data.push_back({e.key, human(e.key), std::to_string(e.value)});
  };
  auto same = [](const std::string& k) { return k; };
  auto bytes = [&](const char* k, const char* human, int64_t value) {
    out.data.push_back({k, human, std::to_string(value), "bytes", human_size(value)});
  };
  auto version = [&](const char* k, const char* human, const std::string& v) {
    out.data.push_back({k, human, v, std::nullopt, v});
  };
  bool postgres = c.dialect() == store::Dialect::postgres;
  if (key == "languages") counted(m::user_locales(c, from, to, limit), same);
  else if (key == "sources")
    counted(m::sign_up_sources(c, from, to, limit), [](const std::string&) { return std::string("Website"); });
  else if (key == "servers") {
    for (auto e : m::status_servers(c, from, to, limit)) {
      if (e.key.empty()) e.key = ctx.config.domain;
      out.data.push_back({e.key, e.key, std::to_string(e.value)});
    }
  } else if (key == "space_usage") {
    bytes(postgres ? "postgresql" : "sqlite", postgres ? "PostgreSQL" : "SQLite", m::database_bytes(c));
    bytes("media", "Media storage", m::media_bytes(c));
  } else if (key == "software_versions") {
    version("agora", "agora", kAgoraVersion);
    version("mastodon", "Mastodon API", kMastodonApiVersion);
    version(postgres ? "postgresql" : "sqlite", postgres ? "PostgreSQL" : "SQLite", m::database_version(c));
  } else if (key == "tag_servers" || key == "tag_languages") {
    int64_t tag = tag_of(c, in, key);
    auto entries = key == "tag_servers" ? m::tag_servers(c, tag, from, to, limit) : m::tag_languages(c, tag, from, to, limit);
    for (auto& e : entries)
      if (e.key.empty()) e.key = ctx.config.domain;
    counted(entries, same);
  } else if (key == "instance_accounts") counted(m::instance_accounts(c, domain_of(in, key), limit), same);
  else if (key == "instance_languages") counted(m::instance_languages(c, domain_of(in, key), from, to, limit), same);
  return out;
}

bool known_dimension(const std::string& key) {
  for (const char* k : {"languages", "sources", "servers", "space_usage", "software_versions", "tag_servers",
                        "tag_languages", "instance_accounts", "instance_languages"})
    if (key == k) return true;
  return false;
}

// Days since the epoch <-> (year, month), for month cohorts (Howard Hinnant's civil calendar).
struct YearMonth {
  int64_t year;
  int64_t month;
};
YearMonth year_month(int64_t days) {
  days += 719468;
  int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  int64_t doe = days - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (month <= 2 ? 1 : 0), month};
}
int64_t first_day_of(YearMonth ym) {
  int64_t y = ym.year - (ym.month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = ym.month > 2 ? ym.month - 3 : ym.month + 9;
  int64_t doy = (153 * mp + 2) / 5;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
YearMonth next_month(YearMonth ym) { return ym.month == 12 ? YearMonth{ym.year + 1, 1} : YearMonth{ym.year, ym.month + 1}; }

}  // namespace

std::string human_size(int64_t bytes) {
  if (bytes == 1) return "1 Byte";
  if (bytes < 1024) return std::to_string(bytes) + " Bytes";
  static const char* units[] = {"KB", "MB", "GB", "TB", "PB"};
  double v = static_cast<double>(bytes);
  int u = -1;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  // Three significant digits, without trailing zeros.
  int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s + " " + units[u];
}

std::vector<model::Measure> admin_measures(Context& ctx, const Staff& staff, const MetricsRequest& in) {
  authorize(can(staff, Permission::view_dashboard));
  auto p = period_of(in.start_at, in.end_at);
  auto conn = ctx.db.acquire();
  std::vector<model::Measure> out;
  for (const auto& key : in.keys)
    for (const auto& spec : measure_specs())
      if (key == spec.key) out.push_back(measure(*conn, spec, in, p));
  return out;
}

std::vector<model::Dimension> admin_dimensions(Context& ctx, const Staff& staff, const MetricsRequest& in) {
  authorize(can(staff, Permission::view_dashboard));
  auto p = period_of(in.start_at, in.end_at);
  auto conn = ctx.db.acquire();
  std::vector<model::Dimension> out;
  for (const auto& key : in.keys)
    if (known_dimension(key)) out.push_back(dimension(ctx, *conn, key, in, p));
  return out;
}

std::vector<model::Cohort> admin_retention(Context& ctx, const Staff& staff, const std::string& start_at,
                                           const std::string& end_at, const std::string& frequency) {
  authorize(can(staff, Permission::view_dashboard));
  if (frequency != "day" && frequency != "month") throw Error::bad_request("frequency must be day or month");
  auto p = period_of(start_at, end_at);
  bool daily = frequency == "day";
  // Period starts (day numbers) from the one holding start_at to the one holding end_at.
  std::vector<int64_t> periods;
  if (daily) {
    for (int64_t d = p.first_day(); d <= p.last_day(); ++d) periods.push_back(d);
  } else {
    auto last = year_month(p.last_day());
    for (auto ym = year_month(p.first_day());; ym = next_month(ym)) {
      periods.push_back(first_day_of(ym));
      if (ym.year == last.year && ym.month == last.month) break;
    }
  }
  auto period_index = [&](int64_t ms) {
    int64_t day = ms / kDayMs;
    auto it = std::upper_bound(periods.begin(), periods.end(), day);
    return static_cast<int64_t>(it - periods.begin()) - 1;  // -1: before the first
  };
  int64_t end_of_last = daily ? (p.last_day() + 1) * kDayMs : first_day_of(next_month(year_month(p.last_day()))) * kDayMs;
  auto conn = ctx.db.acquire();
  auto members = store::admin_metrics::members_created(*conn, periods.front() * kDayMs, end_of_last);
  size_t n = periods.size();
  std::vector<int64_t> size(n, 0);
  std::vector<std::vector<int64_t>> seen(n, std::vector<int64_t>(n, 0));  // [cohort][last period seen in]
  for (const auto& m : members) {
    auto cohort = period_index(m.created_at);
    if (cohort < 0) continue;
    ++size[cohort];
    if (m.last_seen_at) {
      auto last = std::min<int64_t>(period_index(*m.last_seen_at), static_cast<int64_t>(n) - 1);
      if (last >= cohort) ++seen[cohort][last];
    }
  }
  std::vector<model::Cohort> out;
  for (size_t c = 0; c < n; ++c) {
    model::Cohort cohort{periods[c] * kDayMs, frequency, {}};
    // Retained in period r: last signed in during r or later.
    std::vector<int64_t> retained(n + 1, 0);
    for (size_t r = n; r-- > c;) retained[r] = retained[r + 1] + seen[c][r];
    for (size_t r = c; r < n; ++r)
      cohort.data.push_back({periods[r] * kDayMs, size[c] ? static_cast<double>(retained[r]) / size[c] : 0.0, retained[r]});
    out.push_back(std::move(cohort));
  }
  return out;
}

}  // namespace agora::services
