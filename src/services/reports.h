// POST /api/v1/reports (Mastodon's ReportService): a member reports an
// account and some of its statuses to the moderators, and, for a remote
// account, optionally to its server as a Flag sent by the instance actor
// (so the reporter stays anonymous there).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/account.h"
#include "model/report.h"
#include "services/context.h"

namespace agora::services {

struct NewReport {
  int64_t target_account_id = 0;
  std::vector<int64_t> status_ids;
  std::string comment;
  std::string category;  // "" → violation with rules, else other
  std::vector<int64_t> rule_ids;
  bool forward = false;
};

// 404 for an unknown or suspended account or a status of someone else's or
// not visible to the reporter; 422 for a long comment, an unknown category
// or rules that do not exist.
model::Report file_report(Context& ctx, const model::Account& reporter, const NewReport& in);

}  // namespace agora::services
