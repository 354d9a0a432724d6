// Polls attached to statuses, and how a viewer sees one.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace agora::model {

struct Poll {
  int64_t id = 0;
  int64_t status_id = 0;
  int64_t account_id = 0;
  std::vector<std::string> options;
  std::vector<int64_t> tallies;  // votes per option, same order
  bool multiple = false;
  bool hide_totals = false;
  int64_t votes_count = 0;
  std::optional<int64_t> voters_count;  // distinct voters (local polls always count them)
  std::optional<int64_t> expires_at;
  int64_t created_at = 0;
};

struct PollView {
  Poll poll;
  bool expired = false;
  std::optional<bool> voted;              // none without a viewer
  std::optional<std::vector<int>> own_votes;
  bool show_totals = true;                // false while hide_totals and not expired (for everyone, the author too)
};

}  // namespace agora::model
