// Sending activities to other servers: one durable job per distinct inbox,
// enqueued in the caller's transaction (so nothing is sent for a change that
// rolled back and nothing is lost to a crash). The `deliver` worker signs
// each request as `sender` and retries with back-off.
#pragma once
#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "federation/http_client.h"
#include "federation/http_signatures.h"
#include "model/account.h"
#include "services/context.h"
#include "store/database.h"

namespace agora::services::delivery {

inline constexpr const char* kJobKind = "deliver";

// The instance actor (/actor) as the sender: signed with its key, for what
// should not name a member (a forwarded report's Flag).
inline constexpr int64_t kInstanceActorId = 0;
inline model::Account instance_actor_sender() {
  model::Account a;
  a.id = kInstanceActorId;
  return a;
}

void to_inboxes(store::Connection& c, const model::Account& sender, const boost::json::object& activity,
                std::vector<std::string> inboxes);
// To one remote account (its shared inbox when it has one).
void to_account(store::Connection& c, const model::Account& sender, const boost::json::object& activity,
                const model::Account& recipient);
// To the sender's remote followers and to `also` (remote accounts mentioned or concerned).
void to_followers(store::Connection& c, const model::Account& sender, const boost::json::object& activity,
                  const std::vector<int64_t>& also);

// Sends one delivery job's request, signed as `sender_id`. Throws to be
// retried later (network errors, 5xx, 408, 429); `refused` when retrying
// cannot help (other 4xx, the sender gone, the domain suspended or failing
// for a week).
enum class Outcome { delivered, refused };
Outcome send(Context& ctx, int64_t sender_id, const std::string& inbox, const std::string& body);

// The two halves of `send`, for sending many at once on an event loop
// (federation::MultiClient): `prepare` checks the sender and the domain and
// builds the signed request (empty: refused); `conclude` records how the
// domain answered and, as `send`, throws for what should be retried.
struct PreparedDelivery {
  std::string host;
  federation::SigningKey key;
  federation::OutboundRequest request;  // signs as `key`: keep this object where it is
};
std::unique_ptr<PreparedDelivery> prepare(Context& ctx, int64_t sender_id, const std::string& inbox,
                                          const std::string& body);
Outcome conclude(Context& ctx, const std::string& inbox, const std::optional<federation::HttpResponse>& response,
                 const std::optional<federation::FetchError>& error);

}  // namespace agora::services::delivery
