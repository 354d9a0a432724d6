// What the Conversation entity renders: one member's direct-message thread.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "model/account.h"
#include "model/status.h"

namespace agora::model {

struct ConversationView {
  int64_t id = 0;
  bool unread = false;
  std::vector<std::shared_ptr<const Account>> accounts;  // the other participants (or the member alone)
  std::optional<StatusView> last_status;
};

}  // namespace agora::model
