// Members' data: a CSV import, one batch of rows per run (the service
// enqueues the next), and an archive of everything they posted.
#include "services/archives.h"
#include "services/imports.h"
#include "workers/handlers.h"
#include "workers/job_payload.h"

namespace agora::workers {

void process_import(services::Context& ctx, const boost::json::object& payload) {
  services::process_import_batch(ctx, id_field(payload, "import_id"));
}

void build_archive(services::Context& ctx, const boost::json::object& payload) {
  services::build_archive(ctx, id_field(payload, "archive_id"));
}

}  // namespace agora::workers
