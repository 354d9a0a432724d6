// The federation jobs: deliver (one signed POST to one inbox),
// process_activity (one verified inbound activity),
// distribute_poll_update (a local poll's new tallies),
// delete_suspended_account (30 days after a suspension),
// suspend_domain (a domain block with severity suspend).
#include "services/admin_domains.h"
#include "services/delivery.h"
#include "services/inbox.h"
#include "services/outbound_statuses.h"
#include "services/suspensions.h"
#include "workers/delivery_dispatcher.h"
#include "workers/handlers.h"
#include "workers/job_payload.h"

namespace agora::workers {

void deliver(services::Context& ctx, const boost::json::object& payload) {
  std::string inbox = text_field(payload, "inbox");
  auto counted = [&](const char* result) { count_delivery(inbox, result); };
  try {
    auto outcome = services::delivery::send(ctx, id_field(payload, "sender_id"), inbox, text_field(payload, "activity"));
    counted(outcome == services::delivery::Outcome::delivered ? "delivered" : "refused");
  } catch (...) {
    counted("failed");  // to be retried
    throw;
  }
}

void process_activity(services::Context& ctx, const boost::json::object& payload) {
  services::inbox::process(ctx, id_field(payload, "signer_id"), text_field(payload, "body"));
}

void delete_suspended_account(services::Context& ctx, const boost::json::object& payload) {
  services::suspensions::delete_when_due(ctx, id_field(payload, "account_id"));
}

void suspend_domain(services::Context& ctx, const boost::json::object& payload) {
  services::run_domain_suspension(ctx, id_field(payload, "domain_block_id"));
}

void distribute_poll_update(services::Context& ctx, const boost::json::object& payload) {
  services::outbound::distribute_poll_update(ctx, id_field(payload, "status_id"));
}

}  // namespace agora::workers
