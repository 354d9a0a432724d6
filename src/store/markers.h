// Queries on markers (where a member stopped reading a timeline).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/list.h"
#include "store/database.h"

namespace agora::store::markers {

std::vector<model::Marker> find(Connection& c, int64_t account_id, const std::vector<std::string>& timelines);
// Creates the marker (version 0) or moves it, raising its version when
// last_read_id changes. Call inside a transaction.
model::Marker save(Connection& c, int64_t account_id, const std::string& timeline, int64_t last_read_id,
                   int64_t now_ms);

}  // namespace agora::store::markers
