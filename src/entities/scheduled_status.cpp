#include "entities/scheduled_status.h"

#include <boost/json.hpp>

#include "core/time.h"

namespace agora::entities {

boost::json::object scheduled_status(const model::ScheduledStatus& s, const RenderContext&) {
  std::error_code ec;
  boost::json::value params = boost::json::parse(s.params_json, ec);
  if (ec || !params.is_object()) params = boost::json::object{};
  // Media cannot be attached to statuses yet, so none waits with them.
  return {{"id", std::to_string(s.id)},
          {"scheduled_at", format_iso8601(s.scheduled_at)},
          {"params", params},
          {"media_attachments", boost::json::array{}}};
}

}  // namespace agora::entities
