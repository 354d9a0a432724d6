// Rows of appeals: a member's request to undo a strike, and the decision.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::appeals {

struct Appeal {
  int64_t id = 0;
  int64_t account_id = 0;
  int64_t account_warning_id = 0;
  std::string text;
  std::optional<int64_t> approved_at, approved_by_account_id, rejected_at, rejected_by_account_id;
  int64_t created_at = 0;

  std::string state() const { return approved_at ? "approved" : rejected_at ? "rejected" : "pending"; }
};

// False when the strike was appealed already (one appeal per strike).
bool insert(Connection& c, const Appeal& a);
std::optional<Appeal> find(Connection& c, int64_t id);
// By strike id.
std::map<int64_t, Appeal> of_warnings(Connection& c, const std::vector<int64_t>& warning_ids);
// state: pending, approved, rejected or "" (all); newest first.
std::vector<Appeal> list(Connection& c, const std::string& state, const model::PageRequest& page);
void decide(Connection& c, int64_t id, bool approved, int64_t moderator_account_id, int64_t now_ms);

}  // namespace agora::store::appeals
