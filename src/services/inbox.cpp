#include "services/inbox.h"

#include "activitypub/parse_json_ld.h"
#include "activitypub/parse_origin.h"
#include "activitypub/parse_vocabulary.h"
#include "core/errors.h"
#include "core/log.h"
#include "core/time.h"
#include "jobs/queue.h"
#include "services/activities/handlers.h"
#include "services/resolver.h"
#include "store/accounts.h"
#include "store/instances.h"

namespace agora::services::inbox {

namespace {

activitypub::Activity parsed_activity(std::string_view body) {
  auto document = activitypub::parse_document(body);
  if (!document) throw Error::bad_request(document.error);
  auto activity = activitypub::parse_activity(*document);
  if (!activity) throw Error::bad_request(activity.error);
  return *activity.value;
}

activities::Handler handler_for(activitypub::ActivityType kind) {
  using activitypub::ActivityType;
  switch (kind) {
    case ActivityType::follow: return activities::on_follow;
    case ActivityType::accept: return activities::on_accept;
    case ActivityType::reject: return activities::on_reject;
    case ActivityType::undo: return activities::on_undo;
    case ActivityType::create: return activities::on_create;
    case ActivityType::update: return activities::on_update;
    case ActivityType::delete_: return activities::on_delete;
    case ActivityType::announce: return activities::on_announce;
    case ActivityType::like:
    case ActivityType::emoji_react: return activities::on_like;
    case ActivityType::block: return activities::on_block;
    case ActivityType::move: return activities::on_move;
    case ActivityType::flag: return activities::on_flag;
    case ActivityType::add: return activities::on_add;
    case ActivityType::remove: return activities::on_remove;
    default: return nullptr;  // unknown types: dropped
  }
}

}  // namespace

void accept(Context& ctx, const model::Account& signer, std::string_view body) {
  auto activity = parsed_activity(body);
  if (activity.actor != signer.uri) throw Error::unauthorized("The activity's actor is not the signer");
  if (!activitypub::same_origin(activity.id, signer.uri) && !activity.id.empty())
    throw Error::unauthorized("The activity's id is on another host than its actor");
  jobs::Job job;
  job.kind = kJobKind;
  job.payload = {{"signer_id", signer.id}, {"body", std::string(body)}};
  job.max_attempts = 5;
  auto lease = ctx.db.acquire();
  store::in_transaction(*lease, [&] {
    jobs::enqueue(*lease, job);
    store::instances::record_success(*lease, signer.domain, now_ms());  // it is back, if deliveries to it failed
  });
}

void process(Context& ctx, int64_t signer_id, std::string_view body) {
  auto activity = parsed_activity(body);
  std::optional<model::Account> signer;
  {
    auto lease = ctx.db.acquire();
    signer = store::accounts::find(*lease, signer_id);
  }
  if (!signer || signer->local()) return;
  // A suspended actor may still take back what it did and say it changed
  // (Mastodon's activity_allowed_while_suspended?).
  bool allowed_while_suspended = activity.type == "Delete" || activity.type == "Reject" ||
                                 activity.type == "Undo" || activity.type == "Update";
  if (signer->suspended_at && !allowed_while_suspended) return;
  if (resolver::domain_not_allowed(ctx, signer->domain)) return;
  auto handler = handler_for(activity.kind);
  if (!handler) {
    log::debug("inbox: {} from {} not handled", activity.type, signer->uri);
    return;
  }
  handler(ctx, *signer, activity);
}

}  // namespace agora::services::inbox
