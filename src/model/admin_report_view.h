// Everything the Admin::Report entity shows, loaded by a service.
#pragma once
#include <optional>
#include <vector>

#include "model/admin_account.h"
#include "model/admin_report.h"
#include "model/instance.h"
#include "model/status.h"

namespace agora::model {

struct AdminReportView {
  AdminReport report;
  AdminAccount account, target_account;
  std::optional<AdminAccount> assigned_account, action_taken_by_account;
  std::vector<StatusView> statuses;
  std::vector<Rule> rules;
};

}  // namespace agora::model
