#include "entities/scheduled_status.h"

#include <boost/json.hpp>

#include "core/time.h"
#include "entities/status.h"

namespace agora::entities {

boost::json::object scheduled_status(const model::ScheduledStatus& s, const RenderContext& rc) {
  std::error_code ec;
  boost::json::value params = boost::json::parse(s.params_json, ec);
  if (ec || !params.is_object()) params = boost::json::object{};
  boost::json::array media;
  for (const auto& m : s.media) media.push_back(media_attachment(m, rc));
  return {{"id", std::to_string(s.id)},
          {"scheduled_at", format_iso8601(s.scheduled_at)},
          {"params", params},
          {"media_attachments", std::move(media)}};
}

}  // namespace agora::entities
