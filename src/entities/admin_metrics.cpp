#include "entities/admin_metrics.h"

#include <boost/json/array.hpp>

#include "core/time.h"

namespace agora::entities {

namespace {

// Midnight UTC with the given suffix: Mastodon writes days from SQL as
// "…T00:00:00.000+00:00", from its activity tracker as "…T00:00:00Z" and
// retention as "…T00:00:00+00:00".
std::string day(int64_t ms, const char* suffix) { return format_date(ms) + "T00:00:00" + suffix; }

}  // namespace

boost::json::object admin_measure(const model::Measure& m) {
  boost::json::object o;
  o["key"] = m.key;
  o["unit"] = m.unit ? boost::json::value(*m.unit) : nullptr;
  o["total"] = std::to_string(m.total);
  if (m.human_value) o["human_value"] = *m.human_value;
  if (m.previous_total) o["previous_total"] = std::to_string(*m.previous_total);
  boost::json::array data;
  for (const auto& d : m.data)
    data.push_back({{"date", day(d.date, m.utc_z_dates ? "Z" : ".000+00:00")},
                    {"value", d.value ? std::to_string(*d.value) : std::string()}});
  o["data"] = std::move(data);
  return o;
}

boost::json::object admin_dimension(const model::Dimension& d) {
  boost::json::array data;
  for (const auto& e : d.data) {
    boost::json::object item{{"key", e.key}, {"human_key", e.human_key}, {"value", e.value}};
    if (e.unit) item["unit"] = *e.unit;
    if (e.human_value) item["human_value"] = *e.human_value;
    data.push_back(std::move(item));
  }
  return {{"key", d.key}, {"data", std::move(data)}};
}

boost::json::object admin_cohort(const model::Cohort& c) {
  boost::json::array data;
  for (const auto& d : c.data)
    data.push_back({{"date", day(d.date, "+00:00")}, {"rate", d.rate}, {"value", std::to_string(d.value)}});
  return {{"period", day(c.period, "+00:00")}, {"frequency", c.frequency}, {"data", std::move(data)}};
}

}  // namespace agora::entities
