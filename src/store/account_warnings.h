// Strikes: the moderation actions a member is told about and may appeal.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/dispute.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::account_warnings {

struct NewWarning {
  int64_t account_id = 0;         // the moderator
  int64_t target_account_id = 0;
  std::string action;             // none, disable, sensitive, silence, suspend
  std::string text;
  std::optional<int64_t> report_id;
  std::string status_ids_json = "[]";
};

int64_t insert(Connection& c, const NewWarning& w, int64_t now_ms);

// The status ids of a strike or report, stored as a JSON array of ids (numbers or strings).
std::vector<int64_t> ids_in(const std::string& json);

using Warning = model::AccountWarning;

std::optional<Warning> find(Connection& c, int64_t id);
// A member's strikes, newest first.
std::vector<Warning> of_target(Connection& c, int64_t target_account_id, const model::PageRequest& page);
void overrule(Connection& c, int64_t id, int64_t now_ms);

}  // namespace agora::store::account_warnings
