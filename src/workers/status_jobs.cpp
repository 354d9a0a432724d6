// Jobs about statuses: the end of a poll, and posting a scheduled status.
#include "services/polls.h"
#include "services/scheduled_statuses.h"
#include "workers/handlers.h"

namespace agora::workers {

namespace {
int64_t id_field(const boost::json::object& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end() || !it->value().is_int64()) throw PermanentFailure(std::string("job without ") + key);
  return it->value().as_int64();
}
}  // namespace

void poll_expired(services::Context& ctx, const boost::json::object& payload) {
  services::notify_poll_expired(ctx, id_field(payload, "poll_id"));
}

void publish_scheduled_status(services::Context& ctx, const boost::json::object& payload) {
  services::publish_scheduled_status(ctx, id_field(payload, "scheduled_status_id"));
}

}  // namespace agora::workers
