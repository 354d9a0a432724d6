// Reports about accounts (and their statuses) for the moderators.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace agora::store::reports {

struct NewReport {
  int64_t account_id = 0;         // who reports (for a remote Flag: the account that sent it)
  int64_t target_account_id = 0;  // who is reported
  std::vector<int64_t> status_ids;
  std::string category = "other";
  std::string comment;
  std::string uri;  // the Flag's id (sent, or received from another server)
  std::vector<int64_t> rule_ids;
  bool forwarded = false;
};

// Returns the id; a report with a known uri is not stored twice (returns 0).
int64_t insert(Connection& c, const NewReport& r, int64_t now_ms);

}  // namespace agora::store::reports
