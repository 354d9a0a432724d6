// A member's report about an account (and some of its statuses) to the moderators.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/account.h"

namespace agora::model {

struct Report {
  int64_t id = 0;
  std::string category = "other";  // spam, legal, violation, other
  std::string comment;
  bool forwarded = false;
  std::optional<int64_t> action_taken_at;
  std::vector<int64_t> status_ids, rule_ids;
  std::shared_ptr<const Account> target_account;
  int64_t created_at = 0;
};

}  // namespace agora::model
