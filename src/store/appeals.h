// Rows of appeals: a member's request to undo a strike, and the decision.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/dispute.h"
#include "model/pagination.h"
#include "store/database.h"

namespace agora::store::appeals {

using Appeal = model::Appeal;

// False when the strike was appealed already (one appeal per strike).
bool insert(Connection& c, const Appeal& a);
std::optional<Appeal> find(Connection& c, int64_t id);
// By strike id.
std::map<int64_t, Appeal> of_warnings(Connection& c, const std::vector<int64_t>& warning_ids);
// state: pending, approved, rejected or "" (all); newest first.
std::vector<Appeal> list(Connection& c, const std::string& state, const model::PageRequest& page);
void decide(Connection& c, int64_t id, bool approved, int64_t moderator_account_id, int64_t now_ms);

}  // namespace agora::store::appeals
