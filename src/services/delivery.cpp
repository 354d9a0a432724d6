#include "services/delivery.h"

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "jobs/queue.h"
#include "store/inboxes.h"

namespace agora::services::delivery {

void to_inboxes(store::Connection& c, const model::Account& sender, const boost::json::object& activity,
                std::vector<std::string> inboxes) {
  std::sort(inboxes.begin(), inboxes.end());
  inboxes.erase(std::unique(inboxes.begin(), inboxes.end()), inboxes.end());
  if (inboxes.empty()) return;
  std::string body = boost::json::serialize(activity);
  for (auto& inbox : inboxes) {
    if (inbox.empty()) continue;
    jobs::Job job;
    job.kind = kJobKind;
    job.queue = "push";
    job.payload = {{"inbox", std::move(inbox)}, {"sender_id", sender.id}, {"activity", body}};
    jobs::enqueue(c, job);
  }
}

void to_account(store::Connection& c, const model::Account& sender, const boost::json::object& activity,
                const model::Account& recipient) {
  if (recipient.local()) return;
  to_inboxes(c, sender, activity, store::inboxes::of_accounts(c, {recipient.id}));
}

void to_followers(store::Connection& c, const model::Account& sender, const boost::json::object& activity,
                  const std::vector<int64_t>& also) {
  auto inboxes = store::inboxes::of_followers(c, sender.id);
  auto more = store::inboxes::of_accounts(c, also);
  inboxes.insert(inboxes.end(), more.begin(), more.end());
  to_inboxes(c, sender, activity, std::move(inboxes));
}

}  // namespace agora::services::delivery
