// Strikes (Mastodon's account warnings) and appeals as stored, and as the
// disputes endpoints show them to a member and to moderators.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/status.h"

namespace agora::model {

struct AccountWarning {
  int64_t id = 0;
  std::optional<int64_t> account_id;  // the moderator
  int64_t target_account_id = 0;
  std::string action;  // none, disable, sensitive, silence, suspend
  std::string text;
  std::optional<int64_t> report_id;
  std::vector<int64_t> status_ids;
  std::optional<int64_t> overruled_at;
  int64_t created_at = 0;
};

// A member's request to undo a strike, and the decision.
struct Appeal {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t account_warning_id = 0;
  std::string text;
  std::optional<int64_t> approved_at, approved_by_account_id, rejected_at, rejected_by_account_id;
  int64_t created_at = 0;

  std::string state() const { return approved_at ? "approved" : rejected_at ? "rejected" : "pending"; }
};

// A strike as its member reads it.
struct StrikeView {
  AccountWarning strike;
  std::optional<Appeal> appeal;
  bool appealable = false;
  std::vector<StatusView> statuses;  // the affected statuses that still exist
};

// An appeal as moderators review it.
struct AppealView {
  Appeal appeal;
  AccountWarning strike;
  std::string acct;  // the member who appealed
};

}  // namespace agora::model
