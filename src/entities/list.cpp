#include "entities/list.h"

#include <boost/json.hpp>

#include "core/time.h"

namespace agora::entities {

boost::json::object list(const model::List& l) {
  return {
      {"id", std::to_string(l.id)},
      {"title", l.title},
      {"replies_policy", l.replies_policy},
      {"exclusive", l.exclusive},
  };
}

boost::json::object markers(const std::vector<model::Marker>& markers) {
  boost::json::object out;
  for (const auto& m : markers) {
    out[m.timeline] = boost::json::object{
        {"last_read_id", std::to_string(m.last_read_id)},
        {"version", m.version},
        {"updated_at", format_iso8601(m.updated_at)},
    };
  }
  return out;
}

}  // namespace agora::entities
