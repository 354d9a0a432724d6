// Jobs about media attachments: processing an upload, and removing one that
// was never attached once its day of grace is over.
#include "services/media.h"
#include "workers/handlers.h"

namespace agora::workers {

namespace {
int64_t media_id(const boost::json::object& p) {
  auto it = p.find("media_attachment_id");
  if (it == p.end() || !it->value().is_int64()) throw PermanentFailure("job without media_attachment_id");
  return it->value().as_int64();
}
}  // namespace

void process_media(services::Context& ctx, const boost::json::object& payload) {
  services::attachments::process(ctx, media_id(payload));
}

void remove_unattached_media(services::Context& ctx, const boost::json::object& payload) {
  services::attachments::remove_if_unattached(ctx, media_id(payload));
}

}  // namespace agora::workers
