// The federation jobs: deliver (one signed POST to one inbox) and
// process_activity (one verified inbound activity).
#include "core/log.h"
#include "services/delivery.h"
#include "services/inbox.h"
#include "workers/handlers.h"

namespace agora::workers {

namespace {
const boost::json::value& field(const boost::json::object& p, const char* key) {
  auto it = p.find(key);
  if (it == p.end()) throw PermanentFailure(std::string("job without ") + key);
  return it->value();
}
std::string text_field(const boost::json::object& p, const char* key) {
  const auto& v = field(p, key);
  if (!v.is_string()) throw PermanentFailure(std::string("job without ") + key);
  return std::string(v.as_string());
}
int64_t id_field(const boost::json::object& p, const char* key) {
  const auto& v = field(p, key);
  if (!v.is_int64()) throw PermanentFailure(std::string("job without ") + key);
  return v.as_int64();
}
}  // namespace

void deliver(services::Context& ctx, const boost::json::object& payload) {
  services::delivery::send(ctx, id_field(payload, "sender_id"), text_field(payload, "inbox"),
                           text_field(payload, "activity"));
}

void process_activity(services::Context& ctx, const boost::json::object& payload) {
  services::inbox::process(ctx, id_field(payload, "signer_id"), text_field(payload, "body"));
}

}  // namespace agora::workers
