// A report as moderators handle it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace agora::model {

struct AdminReport {
  int64_t id = 0;
  int64_t account_id = 0;         // who reported
  int64_t target_account_id = 0;  // who is reported
  std::optional<int64_t> assigned_account_id;
  std::optional<int64_t> action_taken_by_account_id;
  std::optional<int64_t> action_taken_at;
  std::string category = "other";
  std::string comment;
  bool forwarded = false;
  std::vector<int64_t> status_ids, rule_ids;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

}  // namespace agora::model
