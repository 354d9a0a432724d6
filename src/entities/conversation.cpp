#include "entities/conversation.h"

#include <boost/json.hpp>

#include "entities/account.h"
#include "entities/status.h"

namespace agora::entities {

boost::json::object conversation(const model::ConversationView& v, const RenderContext& rc) {
  boost::json::array accounts;
  for (const auto& a : v.accounts) accounts.push_back(account(*a, rc));
  boost::json::value last_status = nullptr;
  if (v.last_status) last_status = status(*v.last_status, rc);
  return {{"id", std::to_string(v.id)},
          {"unread", v.unread},
          {"accounts", std::move(accounts)},
          {"last_status", std::move(last_status)}};
}

}  // namespace agora::entities
