// Reports as moderators list, assign, resolve and reopen them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/admin_report.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::admin_reports {

struct Summary {
  int64_t id = 0;
  bool resolved = false;
  std::string status_ids_json;
};
std::optional<Summary> summary(Connection& c, int64_t report_id);
std::vector<int64_t> unresolved_about(Connection& c, int64_t target_account_id);

struct Filter {
  bool resolved = false;  // resolved ones instead of open ones
  std::optional<int64_t> account_id, target_account_id;
  model::PageRequest page;
};
std::vector<model::AdminReport> list(Connection& c, const Filter& f);
std::optional<model::AdminReport> find(Connection& c, int64_t report_id);

void resolve(Connection& c, int64_t report_id, int64_t by_account_id, int64_t now_ms);
void reopen(Connection& c, int64_t report_id, int64_t now_ms);
void assign(Connection& c, int64_t report_id, std::optional<int64_t> account_id, int64_t now_ms);
void update(Connection& c, int64_t report_id, const std::string& category, const std::vector<int64_t>& rule_ids,
            int64_t now_ms);

}  // namespace agora::store::admin_reports
