// Counts the instance documents report.
#pragma once
#include <string>
#include <vector>

#include "model/instance.h"
#include "model/instance_extras.h"
#include "store/database.h"

namespace agora::store::instance_stats {

model::InstanceStats load(Connection& c, int64_t now_ms);

// Distinct domains of the remote accounts we know, without blocked domains.
std::vector<std::string> peers(Connection& c);
// Local statuses, distinct members who signed in, and members who signed up
// in [from, to). Sign-ins are known only as each member's last two.
model::ActivityWeek activity(Connection& c, int64_t from, int64_t to);
// Silenced and suspended domains, suspended first, then by domain.
std::vector<model::PublicDomainBlock> public_domain_blocks(Connection& c);

}  // namespace agora::store::instance_stats
