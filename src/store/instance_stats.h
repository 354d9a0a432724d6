// Counts the instance documents report.
#pragma once
#include <vector>

#include "model/instance.h"
#include "store/database.h"

namespace agora::store::instance_stats {

model::InstanceStats load(Connection& c, int64_t now_ms);
std::vector<model::Rule> rules(Connection& c);

}  // namespace agora::store::instance_stats
