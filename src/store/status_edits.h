// The versions of edited statuses (status_edits), oldest first.
#pragma once
#include <cstdint>
#include <vector>

#include "model/status_edit.h"
#include "store/database.h"

namespace agora::store::status_edits {

void insert(Connection& c, const model::StatusEdit& e);
std::vector<model::StatusEdit> of_status(Connection& c, int64_t status_id);
bool any(Connection& c, int64_t status_id);

}  // namespace agora::store::status_edits
